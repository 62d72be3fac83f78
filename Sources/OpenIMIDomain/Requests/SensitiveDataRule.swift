import Foundation

/// Sensitive data — offences, convictions, disciplinary, administrative or criminal sanctions, good
/// repute — may be given only where the area's legal act allows it and with a recorded
/// justification that they are necessary for the decision (IMI Regulation, Art. 16).
public enum SensitiveDataRule {
    /// Shortest accepted justification, so that it says something.
    public static let minimumJustificationLength = 10

    /// Checks that a sensitive field may be filled in `area` with `justification`.
    public static func check(area: LegalArea, justification: String?) throws(RequestDataError) {
        guard area.sanctionsDataAllowed else { throw .sensitiveDataNotAllowed(area: area.code) }
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
}
