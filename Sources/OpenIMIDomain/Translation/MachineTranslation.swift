/// A machine translation of one text of a request into one language. It is shown beside the
/// original and never replaces it: the original is what was sent and what the proof signs.
public struct MachineTranslation: Sendable, Hashable {
    /// Where it stands.
    public enum Status: String, Sendable, Hashable {
        /// Asked of an asynchronous provider, whose answer has not arrived.
        case pending
        /// Translated.
        case ready
        /// The provider reported that it could not translate the text.
        case failed
    }

    /// The text translated.
    public let text: TranslatableText
    /// The language of the original.
    public let source: Language
    /// The language translated into.
    public let target: Language
    /// The engine's name, shown with the translation.
    public let engine: String
    /// Where it stands.
    public let status: Status
    /// The translation, when ready.
    public let translation: String?

    /// Creates a translation record.
    public init(text: TranslatableText, source: Language, target: Language, engine: String, status: Status, translation: String?) {
        self.text = text
        self.source = source
        self.target = target
        self.engine = engine
        self.status = status
        self.translation = status == .ready ? translation : nil
    }
}
