/// A legal area in which IMI may be used, with the acts that provide for it.
///
/// IMI may be used only in the areas and for the purposes defined in EU law (IMI Regulation,
/// Art. 3 and Annex); every exchange is bound to one procedure of one area.
public struct LegalArea: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier such as "professional-qualifications".
    public var code: LegalAreaCode
    /// The area's name in the interface languages.
    public var name: LocalizedText
    /// The EU acts that provide for administrative cooperation in this area.
    public var legalActs: [LegalAct]
    /// How long personal data of closed procedures stay accessible, then are kept blocked.
    public var retention: RetentionRule
    /// Whether the area's legal act allows data on offences, sanctions or good repute (Art. 16).
    public var sanctionsDataAllowed: Bool
    /// Whether the data subject's consent is the legal basis (SOLVIT) rather than an act of EU law.
    public var consentIsLegalBasis: Bool
    /// The administrative cooperation procedures of the area.
    public var procedures: [Procedure]

    /// The area's identity: its code.
    public var id: LegalAreaCode { code }

    /// Creates a legal area.
    public init(
        code: LegalAreaCode, name: LocalizedText, legalActs: [LegalAct], retention: RetentionRule,
        sanctionsDataAllowed: Bool, consentIsLegalBasis: Bool, procedures: [Procedure]
    ) {
        self.code = code
        self.name = name
        self.legalActs = legalActs
        self.retention = retention
        self.sanctionsDataAllowed = sanctionsDataAllowed
        self.consentIsLegalBasis = consentIsLegalBasis
        self.procedures = procedures
    }
}
