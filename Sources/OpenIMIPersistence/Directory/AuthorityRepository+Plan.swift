import OpenIMIDomain
import SQLKit

extension AuthorityRepository {
    /// The engine's query plan for `query`'s page query, one line per step, to show the search uses indexes.
    public func searchPlan(_ query: DirectoryQuery, kind: DatabaseKind) async throws -> [String] {
        try await sql.plan(of: searchSQL(query, projection: "a.*", paged: true), kind: kind)
    }

    /// Refreshes the planner's statistics after bulk loads.
    public func analyze() async throws {
        try await sql.analyze()
    }
}
