import Foundation
import Logging
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity

@testable import OpenIMIDomain

/// A Danish NIMIC with a coordinator user, an authority it registered with an administrator, and an
/// identity service over a real database, for identity tests.
struct IdentityFixture {
    let database: any Database
    let identity: IdentityService
    let nimic: Coordinator
    let authority: Authority
    let coordinatorUser: Principal
    let administrator: Principal
    let administratorCredentials: ProvisionedCredentials
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func make(_ database: any Database) async throws -> IdentityFixture {
        let identity = IdentityService(
            database: database, secrets: try SecretBox(keyBytes: SystemSecureRandom().bytes(32)), hasher: .forTests,
            passwords: try PasswordRule.bundled(), random: SystemSecureRandom(), logger: Logger(label: "identity-tests"))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let nimic = try await Samples.registerNational("DK", in: database)
        let authority = try await Samples.registerValidated(
            Samples.authority("DK", names: [.da: "Styrelsen", .en: "Agency"], areas: ["services", "professional-qualifications"]),
            by: nimic,
            in: database)
        let coordinatorAccount = account(
            kind: .nationalCoordinator, id: nimic.id.uuid, name: "nimic.dk", roles: [.nationalCoordinator], now: now)
        _ = try await identity.provision(coordinatorAccount, password: "coordinator password 1", now: now)
        let adminAccount = account(kind: .authority, id: authority.id.uuid, name: "admin.dk", roles: [.localDataAdministrator], now: now)
        let credentials = try await identity.provision(adminAccount, password: "administrator password 1", now: now)
        var activeCoordinator = coordinatorAccount
        activeCoordinator.status = .active
        var activeAdmin = adminAccount
        activeAdmin.status = .active
        return IdentityFixture(
            database: database, identity: identity, nimic: nimic, authority: authority,
            coordinatorUser: Principal(user: activeCoordinator, organisation: Organisation(coordinator: nimic)),
            administrator: Principal(user: activeAdmin, organisation: Organisation(authority: authority)),
            administratorCredentials: credentials)
    }

    static func account(kind: OrganisationKind, id: UUID?, name: String, roles: Set<Role>, now: Date) -> UserAccount {
        UserAccount(
            id: UserID(UUID()), organisation: OrganisationID(kind: kind, id: id)!, username: name, fullName: name,
            email: "\(name)@example.org",
            language: .da, status: .active, roles: roles, createdAt: now)
    }

    /// The code `credentials`' authenticator shows at `date`.
    func code(_ credentials: ProvisionedCredentials, at date: Date) -> String {
        OneTimeCode(secret: credentials.totpSecret).code(at: date)
    }
}
