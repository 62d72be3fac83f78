import SQLKit

extension Database {
    /// Refreshes the planner's statistics after a bulk load, as a database in service has them:
    /// `ANALYZE` through the writer on SQLite (its readers cannot write); `VACUUM ANALYZE` on
    /// PostgreSQL, which also builds the visibility map autovacuum would keep and cannot run
    /// inside a transaction.
    public func refreshStatistics() async throws {
        switch kind {
        case .sqlite: try await transaction { sql in try await sql.raw("ANALYZE").run() }
        case .postgresql: try await sql.raw(SQLQueryString("VACUUM ANALYZE" + (try await sql.ownTableList()))).run()
        }
    }
}
