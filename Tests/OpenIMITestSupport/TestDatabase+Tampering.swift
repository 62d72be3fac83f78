import OpenIMIPersistence
import SQLKit

extension TestDatabase {
    /// Runs `statements` as someone who bypasses the application: the append-only guards of the
    /// log's tables are removed first (dropped on SQLite, disabled by the owner on PostgreSQL).
    public static func tamper(_ database: any Database, _ statements: [String]) async throws {
        try await database.transaction { sql in
            for table in ApplicationRoleGrants.appendOnlyTables {
                if database.kind == .sqlite {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_update").run()
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_delete").run()
                } else {
                    try await sql.raw("ALTER TABLE \(unsafeRaw: table) DISABLE TRIGGER USER").run()
                }
            }
            for statement in statements { try await sql.raw("\(unsafeRaw: statement)").run() }
        }
    }
}

extension TestDatabase {
    /// The outside review's attack on the log: the entry at `sequence` rewritten, the whole log
    /// re-chained with fresh hashes (by the application's own code), every checkpoint and stored
    /// subtree deleted. Returns how many entries were chained again.
    @discardableResult
    public static func rewriteAndRechain(_ database: any Database, sequence: Int) async throws -> Int {
        let id =
            try await database.sql.raw("SELECT entry_id FROM log_chain WHERE seq = \(bind: sequence)").first()?
            .decode(column: "entry_id", as: String.self) ?? ""
        try await tamper(
            database,
            [
                "UPDATE access_log SET purpose = 'step:withdraw' WHERE id = '\(id)'", "DELETE FROM log_checkpoint",
                "DELETE FROM log_subtree",
                "DELETE FROM log_chain",
            ])
        try await database.transaction { _ = try await LogChain(sql: $0).queueUnchained() }
        return try await LogSequencer(database: database).integrate()
    }
}
