import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// The page model of `/glossary`: each recurring legal term in the reader's language, what it
/// means, and where its official wording was found.
struct GlossaryPage {
    /// One term.
    struct Row {
        let concept: String
        let term: String
        let meaning: String
        let hasSource: Bool
        /// Whether the source is a web address (else a document named in words).
        let isLink: Bool
        let source: String
        /// The source's host, as the link's text.
        let host: String
    }

    let rows: [Row]

    init(glossary: Glossary, catalog: Catalog) {
        let entries = glossary.byLanguage[catalog.language] ?? [:]
        rows = GlossaryConcept.allCases.map { concept in
            let source = entries[concept]?.source ?? ""
            return Row(
                concept: concept.rawValue, term: catalog.text("term.\(concept.rawValue)"),
                meaning: catalog.text("termMeaning.\(concept.rawValue)"), hasSource: !source.isEmpty,
                isLink: source.hasPrefix("https://") || source.hasPrefix("http://"), source: source,
                host: URL(string: source)?.host ?? source)
        }
    }
}
