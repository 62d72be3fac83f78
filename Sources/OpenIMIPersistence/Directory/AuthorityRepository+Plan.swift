import OpenIMIDomain
import SQLKit

extension AuthorityRepository {
    /// The engine's query plan for `query`'s page query, one line per step, to show the search uses indexes.
    public func searchPlan(_ query: DirectoryQuery, kind: DatabaseKind) async throws -> [String] {
        let statement = searchSQL(query, projection: "a.*", paged: true)
        switch kind {
        case .sqlite:
            return try await sql.raw("EXPLAIN QUERY PLAN " + statement).all().map { try $0.decode(column: "detail", as: String.self) }
        case .postgresql:
            return try await sql.raw("EXPLAIN " + statement).all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
        }
    }

    /// Refreshes the planner's statistics (SQLite `ANALYZE`, PostgreSQL `ANALYZE`) after bulk loads.
    public func analyze() async throws {
        try await sql.raw("ANALYZE").run()
    }
}
