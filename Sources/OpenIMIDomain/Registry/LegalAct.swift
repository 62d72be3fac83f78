/// An act of EU law, cited in each interface language.
public struct LegalAct: Sendable, Hashable, Codable {
    /// The CELEX number, a language-independent identifier (e.g. "32005L0036").
    public var celex: String
    /// The citation, e.g. "Directive 2005/36/EC" / "Direktiv 2005/36/EF" / "Direktiva 2005/36/ES".
    public var citation: LocalizedText

    /// Creates a legal act.
    public init(celex: String, citation: LocalizedText) {
        self.celex = celex
        self.citation = citation
    }
}
