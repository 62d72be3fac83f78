import Foundation
import OpenIMIDomain

/// A session or API token as stored, with its user's row and roles: what ``SessionStore/stored(tokenHash:)``
/// reads before the lifetimes and the account are checked.
public struct StoredSession: Sendable {
    /// Browser session or API token.
    public let kind: SessionKind
    /// When it was created.
    public let createdAt: Date
    /// When it was last used (touched at most once a minute).
    public let lastSeenAt: Date
    /// The CSRF token forms of this session must carry.
    public let csrfToken: String
    /// The user's stored row.
    public let user: UserRecord
    /// The user's roles.
    public let roles: Set<Role>
    /// The user's authority with its legal areas, read with the session; nil for users of a
    /// coordinator or the platform (and for an authority's user whose authority is gone).
    public let authority: Authority?
}
