import OpenIMIDomain

/// A machine translation in the JSON API: shown beside the original, never instead of it.
struct MachineTranslationDTO: Codable, Sendable {
    /// The text translated (`free-text`, `answer:<question>`, `comment:<position>`).
    let text: String
    /// The original's language.
    let sourceLanguage: String
    /// The language translated into.
    let targetLanguage: String
    /// The engine's name.
    let engine: String
    /// `ready`, or `pending` while an asynchronous provider works on it.
    let status: String
    /// The translation, when ready.
    let translation: String?
    /// Always true: a machine translation, which may contain errors.
    let machineTranslated: Bool

    init(_ translation: MachineTranslation) {
        text = translation.text.rawValue
        sourceLanguage = translation.source.rawValue
        targetLanguage = translation.target.rawValue
        engine = translation.engine
        status = translation.status.rawValue
        self.translation = translation.translation
        machineTranslated = true
    }
}
