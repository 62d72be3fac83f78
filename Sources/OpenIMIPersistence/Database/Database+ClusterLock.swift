import SQLKit

/// The locks several instances on one PostgreSQL database take to do something one at a time.
public enum ClusterLock: Int64, Sendable {
    /// Signing, storing and witnessing a checkpoint of the log.
    case checkpoint = 7_301_026
    /// Folding the inbox tally's changes (taken with `pg_try_advisory_xact_lock`: an instance that
    /// finds another folding leaves the round to it).
    case inboxTally = 7_301_027
}

extension Database {
    /// Runs `body` while no other instance holds `lock`: on PostgreSQL inside a transaction that
    /// holds the advisory lock until `body` returns (`body` works through its own connections); on
    /// SQLite, which one process serves, directly.
    public func holding<R: Sendable>(_ lock: ClusterLock, _ body: @escaping @Sendable () async throws -> R) async throws -> R {
        guard kind == .postgresql else { return try await body() }
        return try await transaction { sql in
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: lock.rawValue))").run()
            return try await body()
        }
    }
}
