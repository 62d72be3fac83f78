import Synchronization

/// What the platform last heard from each witness, for the operators' page; kept in memory (the
/// cosignatures themselves and the alarms are stored).
public final class WitnessingStatus: Sendable {
    /// One witness's last outcome.
    public struct Outcome: Sendable, Hashable {
        /// When it was tried, in seconds since 1970.
        public let at: Int64
        /// The tree size submitted.
        public let treeSize: Int64
        /// Nil when it cosigned; otherwise why not.
        public let problem: WitnessProblem?
    }

    private let outcomes = Mutex<[String: Outcome]>([:])

    /// Starts with nothing heard.
    public init() {}

    /// Records `outcome` for witness `name`.
    public func record(_ outcome: Outcome, for name: String) {
        outcomes.withLock { $0[name] = outcome }
    }

    /// The last outcome of witness `name`.
    public func outcome(of name: String) -> Outcome? {
        outcomes.withLock { $0[name] }
    }
}
