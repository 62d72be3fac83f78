import Foundation

/// A recorded confirmation that an organisation's user list is up to date.
public struct UserListConfirmation: Sendable, Hashable {
    /// Who confirmed.
    public let confirmedBy: UUID
    /// When.
    public let confirmedAt: Date
    /// How many users the list had.
    public let userCount: Int
    /// SHA-256 over the confirmed list (usernames, statuses, roles), to prove which list it was.
    public let listDigest: String

    /// Creates a confirmation from its parts.
    public init(confirmedBy: UUID, confirmedAt: Date, userCount: Int, listDigest: String) {
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
        self.userCount = userCount
        self.listDigest = listDigest
    }
}
