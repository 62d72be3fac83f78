/// On what ground data on offences, convictions, sanctions or good repute may be exchanged in an area (Art. 16).
public enum SanctionsDataBasis: String, Sendable, Hashable {
    /// The area's legal act provides for them.
    case legalAct = "legal-act"
    /// Only with the data subject's explicit consent, recorded first: the area rests on consent.
    case explicitConsent = "explicit-consent"
    /// Not at all.
    case notAllowed = "not-allowed"
}

extension LegalArea {
    /// The ground for sanctions data: an area resting on consent allows them only with explicit consent.
    public var sanctionsDataBasis: SanctionsDataBasis {
        guard sanctionsDataAllowed else { return .notAllowed }
        return consentIsLegalBasis ? .explicitConsent : .legalAct
    }
}
