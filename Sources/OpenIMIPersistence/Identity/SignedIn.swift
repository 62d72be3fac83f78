import Foundation
import OpenIMIDomain

/// A successful sign-in: the session token to hand to the client and its CSRF token.
public struct SignedIn: Sendable {
    /// The opaque session or bearer token; only its hash is stored.
    public let token: String
    /// The CSRF token forms of this session must carry.
    public let csrfToken: String
    /// When the token stops working at the latest.
    public let expiresAt: Date
    /// The user.
    public let user: UserAccount
}
