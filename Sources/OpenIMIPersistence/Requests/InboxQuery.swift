import Foundation
import OpenIMIDomain

/// Which requests an inbox lists.
public struct InboxQuery: Sendable, Hashable {
    /// The states listed; by default the open ones.
    public var states: Set<RequestState>
    /// Only requests allocated to this user.
    public var allocatedTo: UUID?
    /// Rows to skip, for paging.
    public var offset: Int
    /// Rows per page.
    public var limit: Int

    /// The furthest a page may start: far beyond any inbox, and far from overflowing `offset + limit`.
    public static let maximumOffset = 10_000_000

    /// The open states: everything not closed or withdrawn.
    public static let openStates = Set(RequestState.allCases.filter { !$0.isFinal })

    /// Creates a query.
    public init(states: Set<RequestState> = InboxQuery.openStates, allocatedTo: UUID? = nil, offset: Int = 0, limit: Int = 50) {
        self.states = states
        self.allocatedTo = allocatedTo
        self.offset = min(max(0, offset), Self.maximumOffset)
        self.limit = min(max(1, limit), 200)
    }
}
