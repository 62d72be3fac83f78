import Foundation
import Testing

@testable import OpenIMIDomain

@Suite struct IdentityRulesTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func fiveFailuresLockForFifteenMinutes() {
        let rule = LockoutRule()
        var failures = 0
        var lockedUntil: Date?
        for _ in 0..<4 {
            (failures, lockedUntil) = rule.afterFailure(previousFailures: failures, at: start)
            #expect(lockedUntil == nil)
        }
        (failures, lockedUntil) = rule.afterFailure(previousFailures: failures, at: start)
        #expect(lockedUntil == start.addingTimeInterval(900) && failures == 0)
        #expect(rule.isLocked(until: lockedUntil, at: start.addingTimeInterval(899)))
        #expect(!rule.isLocked(until: lockedUntil, at: start.addingTimeInterval(900)))
    }

    @Test func sessionsEndIdleOrAbsolute() {
        let rule = SessionRule()
        #expect(
            rule.isValid(
                kind: .web, createdAt: start, lastSeenAt: start.addingTimeInterval(3600), at: start.addingTimeInterval(3600 + 1799)))
        #expect(!rule.isValid(kind: .web, createdAt: start, lastSeenAt: start, at: start.addingTimeInterval(1800)))
        #expect(
            !rule.isValid(kind: .web, createdAt: start, lastSeenAt: start.addingTimeInterval(28_790), at: start.addingTimeInterval(28_800)))
        #expect(rule.isValid(kind: .api, createdAt: start, lastSeenAt: start, at: start.addingTimeInterval(28_799)))
        #expect(!rule.isValid(kind: .api, createdAt: start, lastSeenAt: start, at: start.addingTimeInterval(28_800)))
    }

    @Test func dormancyAndUserListDueDates() {
        let dormancy = DormancyRule()
        #expect(!dormancy.isDormant(lastSignIn: start, createdAt: start, at: start.addingTimeInterval(89 * 86_400)))
        #expect(dormancy.isDormant(lastSignIn: start, createdAt: start, at: start.addingTimeInterval(90 * 86_400 + 1)))
        #expect(dormancy.isDormant(lastSignIn: nil, createdAt: start, at: start.addingTimeInterval(91 * 86_400)))
        let lists = UserListRule()
        let created = ISO8601DateFormatter().date(from: "2026-01-31T00:00:00Z")!
        #expect(lists.dueDate(lastConfirmed: nil, since: created) == ISO8601DateFormatter().date(from: "2026-07-31T00:00:00Z")!)
        #expect(!lists.isOverdue(lastConfirmed: nil, since: created, at: ISO8601DateFormatter().date(from: "2026-07-30T00:00:00Z")!))
        #expect(lists.isOverdue(lastConfirmed: nil, since: created, at: ISO8601DateFormatter().date(from: "2026-07-31T00:00:00Z")!))
        #expect(
            UserListRule(intervalMonths: 3).dueDate(lastConfirmed: created, since: start) == ISO8601DateFormatter().date(
                from: "2026-04-30T00:00:00Z")!)
        let throttle = AddressThrottleRule()
        #expect(throttle.isThrottled(failures: 20, windowStart: start, at: start.addingTimeInterval(60)))
        #expect(!throttle.isThrottled(failures: 20, windowStart: start, at: start.addingTimeInterval(901)))
    }

    @Test func theLastAdministratorCannotBeRemoved() throws {
        let organisation = UUID()
        func user(_ roles: Set<Role>, _ status: UserStatus = .active) -> UserAccount {
            UserAccount(
                id: UserID(UUID()), organisation: .authority(AuthorityID(organisation)), username: "x", fullName: "x", email: "x@y.z",
                language: .en, status: status, roles: roles, createdAt: start)
        }
        let admin = user([.localDataAdministrator])
        let handler = user([.reader(legalArea: "services")])
        var demoted = admin
        demoted.roles = []
        #expect(throws: IdentityError.lastAdministrator) {
            try UserAdministration.checkKeepsAnAdministrator(users: [admin, handler], replacing: admin, with: demoted)
        }
        var suspended = admin
        suspended.status = .suspended
        #expect(throws: IdentityError.lastAdministrator) {
            try UserAdministration.checkKeepsAnAdministrator(users: [admin, handler], replacing: admin, with: suspended)
        }
        let second = user([.localDataAdministrator])
        try UserAdministration.checkKeepsAnAdministrator(users: [admin, second], replacing: admin, with: demoted)
    }

    @Test func rolesRoundTripAndUsernamesAreNormalised() throws {
        for role in [
            Role.platformOperator, .nationalCoordinator, .areaCoordinator, .localDataAdministrator, .requestHandler(legalArea: "services"),
            .allocator(legalArea: "solvit"), .alertHandler(legalArea: "services"), .reader(legalArea: "e-commerce"),
        ] {
            #expect(Role(code: role.code) == role)
        }
        #expect(Role(code: "request-handler") == nil && Role(code: "operator:services") == nil && Role(code: "king") == nil)
        #expect(try UserAdministration.username("  Anna.Hansen ") == "anna.hansen")
        #expect(throws: IdentityError.invalidField("username", .malformed)) { try UserAdministration.username("an na") }
        #expect(throws: IdentityError.invalidField("username", .malformed)) { try UserAdministration.username("æøå") }
    }

    @Test func organisationsHoldOnlyTheirRoles() {
        let authority = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["services"])
        #expect(authority.canHold(.requestHandler(legalArea: "services")))
        #expect(!authority.canHold(.requestHandler(legalArea: "solvit")))
        #expect(!authority.canHold(.nationalCoordinator) && !authority.canHold(.platformOperator))
        #expect(Organisation.platform.canHold(.platformOperator) && !Organisation.platform.canHold(.reader(legalArea: "services")))
    }
}
