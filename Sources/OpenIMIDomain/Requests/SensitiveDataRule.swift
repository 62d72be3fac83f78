import Foundation

/// Sensitive data — offences, convictions, disciplinary, administrative or criminal sanctions, good
/// repute — may be given only where the area's legal act allows it and with a recorded
/// justification that they are necessary for the decision (IMI Regulation, Art. 16); where the
/// area rests on consent, only once the person's explicit consent to them is recorded.
public enum SensitiveDataRule {
    /// Shortest accepted justification, so that it says something.
    public static let minimumJustificationLength = 10

    /// Checks that a sensitive field may be filled in `area` with `justification`, given the
    /// request's consent records at `date`.
    public static func check(
        area: LegalArea, justification: String?, consents: [ConsentRecord] = [], at date: Date = .distantPast
    ) throws(RequestDataError) {
        switch area.sanctionsDataBasis {
        case .notAllowed: throw .sensitiveDataNotAllowed(area: area.code.rawValue)
        case .legalAct: break
        case .explicitConsent:
            guard ConsentRule.isGiven(.sanctionsData, in: area.code.rawValue, by: consents, at: date) else { throw .consentRequired }
        }
        let text = justification?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard text.count >= minimumJustificationLength else { throw .justificationRequired }
    }
}

/// Problems with the data of a request.
public enum RequestDataError: Error, Sendable, Hashable {
    /// A required field is empty.
    case missing(String)
    /// A field is malformed.
    case malformed(String)
    /// The area's legal act does not allow sanctions data.
    case sensitiveDataNotAllowed(area: String)
    /// A sensitive answer needs a justification that it is necessary for the decision.
    case justificationRequired
    /// The area allows sensitive data only with the person's explicit consent, and none is in force.
    case consentRequired
}
