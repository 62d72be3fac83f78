import OpenIMIDomain
import OpenIMIPersistence

/// One page of an inbox and how many requests it holds in each state.
public struct Inbox: Sendable, Hashable {
    /// The requests of the page, by deadline.
    public var requests: [RequestSummary]
    /// Requests by state, over the whole inbox.
    public var counts: [RequestState: Int]
    /// The legal areas the inbox covers.
    public var areas: Set<String>
}
