import Foundation
import OpenIMIApplication
import OpenIMIDomain

extension RequestPage {
    /// What the page tells about a text written by a user: its language, its machine translation
    /// into the reader's language when one was asked for, and the button to ask for one.
    struct TranslatableView {
        /// The text's name in the translation form (`free-text`, `answer:<id>`, `comment:<position>`).
        let key: String
        /// "Written in Danish".
        let inLanguage: String
        /// Whether the reader may ask for a translation now.
        let canTranslate: Bool
        let translateLabel: String
        let disclosure: String
        let translation: TranslationView?
    }

    /// A machine translation shown under its original, in the reader's language.
    struct TranslationView {
        /// The reader's language, for the `lang` attribute.
        let code: String
        let label: String
        let ready: Bool
        let text: String
        let pending: Bool
        let pendingText: String
        let notice: String
    }

    /// Builds the views of a request's texts for one reader.
    struct Translations {
        /// The engine's name, nil when machine translation is off.
        let engine: String?
        /// The translations kept for the reader's language.
        let kept: [TranslatableText: MachineTranslation]

        /// The view of `text`, written in `language`, for a reader of `catalog`.
        func view(of text: TranslatableText, in language: Language, catalog: Catalog) -> TranslatableView {
            let reader = catalog.language
            let readerName = catalog.text("languageName.\(reader.rawValue)")
            let translation = kept[text].flatMap { kept -> TranslationView? in
                guard kept.status != .failed else { return nil }
                return TranslationView(
                    code: reader.rawValue, label: catalog.text("translation.label", ["engine": kept.engine, "language": readerName]),
                    ready: kept.status == .ready, text: kept.translation ?? "", pending: kept.status == .pending,
                    pendingText: catalog.text("translation.pending", ["engine": kept.engine]), notice: catalog.text("translation.notice"))
            }
            return TranslatableView(
                key: text.rawValue,
                inLanguage: catalog.text("translation.inLanguage", ["language": catalog.text("languageName.\(language.rawValue)")]),
                canTranslate: engine != nil && language != reader && translation == nil,
                translateLabel: catalog.text("translation.translate", ["language": readerName]),
                disclosure: catalog.text("translation.disclosure", ["engine": engine ?? ""]), translation: translation)
        }
    }
}
