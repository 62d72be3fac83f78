import Foundation

/// Gives queued access-log entries their place in the chain, in batches, each batch in its own
/// short transaction (see ``LogChain``). Servers run it every quarter second on every instance,
/// and before anything that proves entries: a checkpoint, evidence.
public struct LogSequencer: Sendable {
    /// Entries chained per transaction.
    public static let batchSize = 1_000

    /// The database holding the log.
    public let database: any Database

    /// Sequences the log in `database`.
    public init(database: any Database) {
        self.database = database
    }

    /// Chains every entry queued by a transaction that has committed; returns how many.
    @discardableResult
    public func integrate() async throws -> Int {
        var total = 0
        while true {
            let chained = try await database.transaction { try await LogChain(sql: $0).integrate(limit: Self.batchSize) }
            total += chained
            if chained < Self.batchSize { return total }
        }
    }
}
