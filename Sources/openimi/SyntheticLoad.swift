import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// Bulk loads of synthetic data for the benchmarks.
enum SyntheticLoad {
    /// Stores `count` synthetic professional-qualifications requests between the authorities
    /// registered in the area, in transactions of 20,000.
    static func requests(_ count: Int, into platform: Platform) async throws -> (authorities: Int, procedure: ProcedureCode) {
        let database = platform.database
        let area: LegalAreaCode = "professional-qualifications", procedure: ProcedureCode = "pq-information-request"
        let authorities = try await AuthorityRepository(sql: database.sql).search(
            try DirectoryQuery(legalArea: area.rawValue, perPage: DirectoryQuery.maximumPerPage)
        ).items.map { (id: $0.id, state: $0.memberState) }
        let generated = SyntheticRequests.requests(
            count: count, procedure: procedure, legalArea: area, questions: ["legally-established"], authorities: authorities, now: Date())
        for start in stride(from: 0, to: generated.count, by: 20_000) {
            try Task.checkCancellation()
            let chunk = Array(generated[start..<min(start + 20_000, generated.count)])
            try await database.transaction { sql in
                try await RequestRepository(sql: sql, keys: platform.requests.keys).insert(batch: chunk, now: Date())
            }
        }
        _ = try await database.transaction { try await InboxTally(sql: $0).fold() }
        return (authorities.count, procedure)
    }

    /// The principal of demo user `username`.
    static func principal(_ username: String, in platform: Platform) async throws -> Principal {
        let users = UserRepository(sql: platform.database.sql)
        guard let record = try await users.record(username: username),
            case let user = try await users.account(record),
            let organisation = try await platform.identity.organisation(user.organisation)
        else { throw BenchmarkError.missingDemoUser(username) }
        return Principal(user: user, organisation: organisation)
    }

    /// A new session token of `kind` for `principal`.
    static func token(for principal: Principal, kind: SessionKind = .api, in platform: Platform) async throws -> String {
        try await platform.database.transaction { sql in
            try await SessionStore(sql: sql).create(
                for: principal.user, kind: kind, random: SystemSecureRandom(), rule: SessionRule(), now: Date()
            ).token
        }
    }
}
