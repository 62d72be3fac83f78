import Dispatch
import Metrics

/// What the database layer measures, labelled with the engine only (`database="sqlite"` or
/// `"postgresql"`): transactions under way (PostgreSQL: the pool's connections in use), how long a
/// transaction waits for its connection (PostgreSQL) or its turn at the single writer (SQLite),
/// how long a commit takes, and how many writes queue for SQLite's writer. Made at each use: see
/// `PlatformMetrics`.
enum DatabaseMetrics {
    /// `openimi_db_transactions_active{database}`: raised when a transaction starts, lowered when it ends.
    static func active(_ kind: DatabaseKind) -> Meter {
        Meter(label: "openimi_db_transactions_active", dimensions: [("database", kind.rawValue)])
    }

    /// `openimi_db_wait{database}`: from asking for a transaction to its start.
    static func waited(_ kind: DatabaseKind, since start: UInt64) {
        Metrics.Timer(label: "openimi_db_wait", dimensions: [("database", kind.rawValue)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }

    /// `openimi_db_commit{database}`: a commit that started at `start` just ended.
    static func committed(_ kind: DatabaseKind, since start: UInt64) {
        Metrics.Timer(label: "openimi_db_commit", dimensions: [("database", kind.rawValue)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }

    /// `openimi_db_writer_queue{database="sqlite"}`: write transactions waiting for SQLite's writer.
    static func writerQueue(_ depth: Int) {
        Gauge(label: "openimi_db_writer_queue", dimensions: [("database", DatabaseKind.sqlite.rawValue)]).record(depth)
    }

    /// The moment to measure a wait from.
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
}
