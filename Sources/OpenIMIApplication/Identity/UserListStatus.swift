import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// Where an organisation stands with its user-list confirmations.
public struct UserListStatus: Sendable, Hashable {
    /// The organisation.
    public let organisation: Organisation
    /// The last confirmation, if any.
    public let last: UserListConfirmation?
    /// When the next one is due.
    public let dueDate: Date
    /// Whether it is overdue.
    public let isOverdue: Bool
}
