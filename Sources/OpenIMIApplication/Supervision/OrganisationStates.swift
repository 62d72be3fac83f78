import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// The member state of organisations named in an export, looked up once each: an authority's,
/// else a coordinator's.
struct OrganisationStates {
    /// Where to look.
    let sql: any SQLDatabase
    private var known: [String: String?] = [:]

    /// Looks up in `sql`.
    init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The member state of organisation `id` (as stored, lower-case), or nil when it is neither
    /// an authority nor a coordinator.
    mutating func state(of id: String) async throws -> String? {
        if let state = known[id] { return state }
        var state: String?
        if let uuid = UUID(uuidString: id) {
            state = try await AuthorityRepository(sql: sql).find(uuid)?.memberState.rawValue
            if state == nil { state = try await CoordinatorRepository(sql: sql).find(uuid)?.memberState.rawValue }
        }
        known[id] = state
        return state
    }
}
