import SQLKit

extension SQLDatabase {
    /// The engine's plan for `statement`, one line per step (SQLite `EXPLAIN QUERY PLAN`,
    /// PostgreSQL `EXPLAIN`), so tests can show which indexes a query uses.
    func plan(of statement: SQLQueryString, kind: DatabaseKind) async throws -> [String] {
        switch kind {
        case .sqlite:
            try await raw("EXPLAIN QUERY PLAN " + statement).all().map { try $0.decode(column: "detail", as: String.self) }
        case .postgresql:
            try await raw("EXPLAIN " + statement).all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
        }
    }

    /// Refreshes the planner's statistics (SQLite and PostgreSQL `ANALYZE`) after bulk loads; run in a transaction.
    func analyze() async throws {
        try await raw(SQLQueryString("ANALYZE" + (try await ownTableList()))).run()
    }

    /// On PostgreSQL, " t1, t2, …": the tables of the schema in use, quoted. A bare `ANALYZE` or
    /// `VACUUM` would lock every table of every schema of the database, which in a database shared
    /// with other schemas (other applications, or one schema per test) exhausts the lock table.
    /// Empty on SQLite, whose file holds this application's tables only.
    func ownTableList() async throws -> String {
        guard dialect.name == "postgresql" else { return "" }
        let tables = try await raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").all()
            .map { try $0.decode(column: "tablename", as: String.self) }
        guard !tables.isEmpty else { return "" }
        return " " + tables.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ", ")
    }
}
