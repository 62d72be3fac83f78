import OpenIMIDomain
import OpenIMIPersistence

/// A live session, as resolved for a request.
public struct ActiveSession: Sendable {
    /// The signed-in principal.
    public let principal: Principal
    /// Browser session or API token.
    public let kind: SessionKind
    /// The CSRF token forms must carry.
    public let csrfToken: String
}
