import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The demo users as principals, for the demo data they act in.
enum DemoPrincipal {
    /// The principal of demo user `username`.
    static func named(_ username: String, in platform: Platform) async throws -> Principal {
        let users = UserRepository(sql: platform.database.sql)
        guard let record = try await users.record(username: username) else { throw DemoDataError.unknownOrganisation(username) }
        let user = try await users.account(record)
        guard let organisation = try await platform.identity.organisation(user.organisation) else {
            throw DemoDataError.unknownOrganisation(username)
        }
        return Principal(user: user, organisation: organisation)
    }
}
