import Foundation
import OpenIMIDomain

/// Which requests an inbox lists: the filters of the search form and the API, each optional.
public struct InboxQuery: Sendable, Hashable {
    /// The states listed; by default the open ones.
    public var states: Set<RequestState>
    /// Only requests allocated to this user.
    public var allocatedTo: UUID?
    /// Only the request with this number.
    public var number: RequestNumber?
    /// Only requests under this procedure.
    public var procedure: String?
    /// Only requests we sent, or only those we received.
    public var direction: InboxDirection?
    /// Only requests whose counterpart is this authority.
    public var counterpart: UUID?
    /// Only requests whose counterpart is an authority of this member state.
    public var counterpartState: MemberStateCode?
    /// Only requests sent on or after this moment.
    public var sentFrom: Date?
    /// Only requests sent before this moment.
    public var sentBefore: Date?
    /// Only requests that wait for the organisation listing them (true) or for the other side (false).
    public var waitingForUs: Bool?
    /// Only requests whose running deadline falls before this moment (overdue or due soon).
    public var dueBefore: Date?
    /// The order of the rows.
    public var sort: InboxSort
    /// Rows to skip, for paging.
    public var offset: Int
    /// Rows per page.
    public var limit: Int

    /// The furthest a page may start: far beyond any inbox, and far from overflowing `offset + limit`.
    public static let maximumOffset = 10_000_000

    /// The open states: everything not closed or withdrawn.
    public static let openStates = Set(RequestState.allCases.filter { !$0.isFinal })

    /// The states in which a deadline runs (``DeadlineStatus``).
    public static let runningStates = Set(RequestState.allCases.filter(DeadlineStatus.runs(in:)))

    /// Creates a query.
    public init(
        states: Set<RequestState> = InboxQuery.openStates, allocatedTo: UUID? = nil, number: RequestNumber? = nil,
        procedure: String? = nil, direction: InboxDirection? = nil, counterpart: UUID? = nil, counterpartState: MemberStateCode? = nil,
        sentFrom: Date? = nil, sentBefore: Date? = nil, waitingForUs: Bool? = nil, dueBefore: Date? = nil, sort: InboxSort = .deadline,
        offset: Int = 0, limit: Int = 50
    ) {
        self.states = states
        self.allocatedTo = allocatedTo
        self.number = number
        self.procedure = procedure
        self.direction = direction
        self.counterpart = counterpart
        self.counterpartState = counterpartState
        self.sentFrom = sentFrom
        self.sentBefore = sentBefore
        self.waitingForUs = waitingForUs
        self.dueBefore = dueBefore
        self.sort = sort
        self.offset = min(max(0, offset), Self.maximumOffset)
        self.limit = min(max(1, limit), 200)
    }
}

/// Which side of a request the listing organisation is on.
public enum InboxDirection: String, Sendable, Hashable, CaseIterable {
    /// Requests it sent (or drafts).
    case sent
    /// Requests it received (as current responder, or as the coordinator referred to).
    case received
}

/// The orders an inbox can be listed in.
public enum InboxSort: String, Sendable, Hashable, CaseIterable {
    /// Nearest deadline first.
    case deadline
    /// Most recently changed first.
    case updated
    /// By number (state, year, sequence).
    case number

    /// The SQL order, ending with the id so pages never overlap.
    var orderBy: String {
        switch self {
        case .deadline: "deadline, id"
        case .updated: "updated_at DESC, id"
        case .number: "number, id"
        }
    }
}
