import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@Suite struct UserAdministrationTests {
    @Test func escalationAttemptsAreRefusedAndChangeNothing() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let admin = fixture.administrator
            let identity = fixture.identity
            let now = fixture.start
            for role in [Role.platformOperator, .nationalCoordinator, .areaCoordinator, .reader(legalArea: "solvit")] {
                await #expect(throws: IdentityError.forbidden(.roleNotGrantable)) {
                    try await identity.grant(role, to: admin.user.id, by: admin, now: now)
                }
                await #expect(throws: IdentityError.forbidden(.roleNotGrantable)) {
                    try await identity.createUser(
                        NewUser(username: "x\(role.kind.rawValue)", fullName: "X", email: "x@example.org", language: .en, roles: [role]),
                        in: admin.organisation, by: admin, now: now)
                }
            }
            // An administrator of another authority cannot touch this one.
            let other = try await Samples.registerValidated(
                Samples.authority("DK", names: [.da: "Anden", .en: "Other"], areas: ["services"]), by: fixture.nimic, in: database)
            let outsider = Principal(
                user: IdentityFixture.account(
                    kind: .authority, id: other.id.uuid, name: "out.dk", roles: [.localDataAdministrator], now: now),
                organisation: Organisation(authority: other))
            await #expect(throws: IdentityError.forbidden(.otherOrganisation)) {
                try await identity.suspend(admin.user.id, by: outsider, now: now)
            }
            await #expect(throws: IdentityError.forbidden(.otherOrganisation)) {
                try await identity.users(of: admin.organisation, by: outsider)
            }
            let stored = try await UserRepository(sql: database.sql).find(admin.user.id.uuid)
            #expect(stored?.status == .active && stored?.roles == [.localDataAdministrator])
            #expect(try await UserRepository(sql: database.sql).record(username: "xoperator") == nil)
        }
    }

    @Test func theLastAdministratorStaysAndCoordinatorsManageAdministratorsOnly() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start
            await #expect(throws: IdentityError.lastAdministrator) {
                try await fixture.identity.withdraw(
                    .localDataAdministrator, from: fixture.administrator.user.id, by: fixture.administrator, now: now)
            }
            await #expect(throws: IdentityError.lastAdministrator) {
                try await fixture.identity.suspend(fixture.administrator.user.id, by: fixture.coordinatorUser, now: now)
            }
            let handler = try await fixture.identity.createUser(
                NewUser(
                    username: "handler.dk", fullName: "H", email: "h@example.org", language: .da,
                    roles: [.requestHandler(legalArea: "services")]),
                in: fixture.administrator.organisation, by: fixture.administrator, now: now)
            await #expect(throws: IdentityError.forbidden(.roleNotGrantable)) {
                try await fixture.identity.suspend(handler.user.id, by: fixture.coordinatorUser, now: now)
            }
            let second = try await fixture.identity.createUser(
                NewUser(username: "admin2.dk", fullName: "A2", email: "a2@example.org", language: .da, roles: [.localDataAdministrator]),
                in: fixture.administrator.organisation, by: fixture.coordinatorUser, now: now)
            #expect(second.user.roles == [.localDataAdministrator])
            let reset = try await fixture.identity.resetSecondFactor(
                of: fixture.administrator.user.id, by: fixture.coordinatorUser, now: now)
            #expect(!reset.activationToken.isEmpty)
            let record = try await UserRepository(sql: database.sql).record(id: fixture.administrator.user.id.uuid)
            #expect(record?.totpSecretSealed == nil && record?.totpConfirmed == false)
        }
    }

    @Test func userListsAreConfirmedAndOverdueOnesListedForTheNIMIC() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let identity = fixture.identity
            let organisation = fixture.administrator.organisation
            let sixMonthsLater = fixture.start.addingTimeInterval(200 * 86_400)
            #expect(try await identity.userListStatus(of: organisation, now: sixMonthsLater).isOverdue)
            let overdue = try await identity.overdueUserLists(
                of: fixture.authority.memberState, by: fixture.coordinatorUser, now: sixMonthsLater)
            #expect(overdue.map(\.0.id) == [fixture.authority.id])
            await #expect(throws: IdentityError.forbidden(.otherOrganisation)) {
                try await identity.confirmUserList(of: organisation, by: fixture.coordinatorUser, now: sixMonthsLater)
            }
            let confirmation = try await identity.confirmUserList(of: organisation, by: fixture.administrator, now: sixMonthsLater)
            #expect(confirmation.userCount == 1 && confirmation.listDigest.count == 64)
            let status = try await identity.userListStatus(of: organisation, now: sixMonthsLater.addingTimeInterval(86_400))
            #expect(!status.isOverdue && status.last?.confirmedBy == fixture.administrator.user.id.uuid)
            #expect(
                try await identity.overdueUserLists(of: fixture.authority.memberState, by: fixture.coordinatorUser, now: sixMonthsLater)
                    .isEmpty)
            await #expect(throws: IdentityError.forbidden(.missingRole)) {
                try await identity.overdueUserLists(of: fixture.authority.memberState, by: fixture.administrator, now: sixMonthsLater)
            }
        }
    }

    @Test func dormantAccountsAreSuspendedOnceEvenWithTwoSchedulers() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let later = fixture.start.addingTimeInterval(91 * 86_400)
            let job = DormantAccountSuspension(database: database)
            let first = JobScheduler(database: database, jobs: [job], owner: "instance-a", logger: fixture.identity.logger)
            let second = JobScheduler(database: database, jobs: [job], owner: "instance-b", logger: fixture.identity.logger)
            async let a = first.runDue(now: later)
            async let b = second.runDue(now: later)
            let runs = try await a + b
            #expect(runs.count == 1, "exactly one instance runs the job: \(runs)")
            #expect(runs.first?.summary == "2 dormant accounts suspended")
            #expect(try await UserRepository(sql: database.sql).find(fixture.administrator.user.id.uuid)?.status == .suspended)
            #expect(try await first.runDue(now: later.addingTimeInterval(60)).isEmpty, "not due again within its interval")
            #expect(try await first.runDue(now: later.addingTimeInterval(3601)).first?.summary == "0 dormant accounts suspended")
            let history = try await JobRunRepository(sql: database.sql).runs(since: 0)
            #expect(history.map(\.job) == [job.name, job.name] && history.allSatisfy { $0.outcome == "finished" })
            #expect(history.map(\.startedAt) == [later.epochSeconds, later.addingTimeInterval(3601).epochSeconds], "once per period")
        }
    }
}
