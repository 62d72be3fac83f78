/// Errors of the request service that are not workflow refusals.
public enum InformationRequestError: Error, Sendable, Hashable {
    /// No request with this id visible to the caller.
    case notFound
    /// Someone changed the request first; reload and try again.
    case conflict(currentVersion: Int)
    /// The procedure is unknown or not an information request.
    case unknownProcedure(String)
    /// The chosen responder is not a validated authority of another state registered for the area.
    case responderNotEligible
    /// A question is not in the procedure's question set.
    case unknownQuestion(String)
    /// The request's personal data are blocked (Art. 14): only its metadata and proofs remain in use.
    case personalDataBlocked
    /// The request's personal data were deleted at the end of their retention period.
    case personalDataDeleted
    /// Only blocked data are opened this way; active ones are read as usual.
    case personalDataNotBlocked
}
