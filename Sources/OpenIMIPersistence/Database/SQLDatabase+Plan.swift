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
        try await raw("ANALYZE").run()
    }
}
