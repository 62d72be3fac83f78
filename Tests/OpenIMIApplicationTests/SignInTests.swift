import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIDomain

@Suite struct SignInTests {
    @Test func anAuthorityUsersSessionBringsItsAuthorityAndEndsOnceTheAuthorityIsSuspended() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            let signedIn = try await fixture.identity.signIn(
                username: "admin.dk", password: "administrator password 1", code: fixture.code(fixture.administratorCredentials, at: now),
                address: "10.0.0.1", kind: .api, now: now)
            // The authority and its legal areas come in the statement that reads the session.
            let session = try await fixture.identity.session(token: signedIn.token, now: now)
            #expect(session?.principal.organisation == Organisation(authority: fixture.authority))
            #expect(session?.principal.organisation.legalAreas == ["services", "professional-qualifications"])
            var changed = fixture.authority
            changed.status = .suspended
            let suspended = changed
            try await database.transaction { sql in try await AuthorityRepository(sql: sql).update(suspended, now: now) }
            #expect(try await fixture.identity.session(token: signedIn.token, now: now.addingTimeInterval(1)) == nil)
        }
    }

    @Test func signsInWithPasswordAndCodeAndRefusesAReplayedCode() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            let code = fixture.code(fixture.administratorCredentials, at: now)
            let signedIn = try await fixture.identity.signIn(
                username: "ADMIN.dk", password: "administrator password 1", code: code, address: "10.0.0.1", kind: .web, now: now)
            let session = try await fixture.identity.session(token: signedIn.token, now: now)
            #expect(session?.principal.user.username == "admin.dk" && session?.csrfToken == signedIn.csrfToken)
            await #expect(throws: IdentityError.signInFailed) {
                try await fixture.identity.signIn(
                    username: "admin.dk", password: "administrator password 1", code: code, address: "10.0.0.1", kind: .web, now: now)
            }
            let stored = try await database.sql.select().column("token_hash").from("user_session").all()
            #expect(try stored.allSatisfy { try $0.decode(column: "token_hash", as: String.self) != signedIn.token })
        }
    }

    @Test func everyFailureLooksTheSame() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            let code = fixture.code(fixture.administratorCredentials, at: now)
            for (username, password, otp) in [
                ("nobody.dk", "administrator password 1", code), ("admin.dk", "wrong password here", code),
                ("admin.dk", "administrator password 1", "000000"),
            ] {
                await #expect(throws: IdentityError.signInFailed) {
                    try await fixture.identity.signIn(
                        username: username, password: password, code: otp, address: "10.0.0.2", kind: .api, now: now)
                }
            }
        }
    }

    /// Sends `count` sign-ins with a wrong password at once; `who` gives each attempt's username and address.
    static func failInParallel(
        _ identity: IdentityService, _ count: Int, now: Date, who: @escaping @Sendable (Int) -> (String, String)
    ) async {
        await withTaskGroup(of: Void.self) { group in
            for attempt in 0..<count {
                group.addTask {
                    let (username, address) = who(attempt)
                    _ = try? await identity.signIn(
                        username: username, password: "wrong password \(attempt)", code: "000000", address: address, kind: .web, now: now)
                }
            }
        }
    }

    @Test func failuresSentInParallelLockTheAccountAndTheRightPasswordAfterThemIsRefused() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            let identity = fixture.identity
            await Self.failInParallel(identity, 25, now: now) { ("admin.dk", "10.0.2.\($0)") }
            let row = try #require(
                try await database.sql.select().columns("locked_until").from("user_account").where("username", .equal, "admin.dk").first())
            #expect(try row.decode(column: "locked_until", as: Int64?.self) != nil, "25 parallel failures lock the account")
            let soon = now.addingTimeInterval(30)
            await #expect(throws: IdentityError.signInFailed, "the right credentials after parallel failures are refused") {
                try await identity.signIn(
                    username: "admin.dk", password: "administrator password 1",
                    code: fixture.code(fixture.administratorCredentials, at: soon), address: "10.0.3.1", kind: .web, now: soon)
            }
        }
    }

    @Test func parallelFailuresFromOneAddressAreEachCounted() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            let identity = fixture.identity
            await Self.failInParallel(identity, 20, now: now) { ("nobody\($0).dk", "192.0.2.7") }
            let failures = try await database.sql.select().column("failures").from("sign_in_throttle").where("address", .equal, "192.0.2.7")
                .first()?.decode(column: "failures", as: Int.self)
            #expect(failures == 20)
            await #expect(throws: IdentityError.tooManyAttempts) {
                try await identity.signIn(
                    username: "admin.dk", password: "administrator password 1",
                    code: fixture.code(fixture.administratorCredentials, at: now), address: "192.0.2.7", kind: .api, now: now)
            }
        }
    }

    @Test func fiveFailuresLockTheAccountForFifteenMinutes() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            for attempt in 0..<5 {
                await #expect(throws: IdentityError.signInFailed) {
                    try await fixture.identity.signIn(
                        username: "admin.dk", password: "wrong password \(attempt)", code: "000000", address: "10.0.0.\(attempt)",
                        kind: .web,
                        now: now)
                }
            }
            let during = now.addingTimeInterval(14 * 60)
            await #expect(throws: IdentityError.signInFailed, "locked: the right credentials are refused too") {
                try await fixture.identity.signIn(
                    username: "admin.dk", password: "administrator password 1",
                    code: fixture.code(fixture.administratorCredentials, at: during),
                    address: "10.0.1.1", kind: .web, now: during)
            }
            let after = now.addingTimeInterval(15 * 60 + 1)
            _ = try await fixture.identity.signIn(
                username: "admin.dk", password: "administrator password 1", code: fixture.code(fixture.administratorCredentials, at: after),
                address: "10.0.1.1", kind: .web, now: after)
        }
    }

    @Test func oneAddressGuessingAcrossAccountsIsSlowedDown() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            for index in 0..<20 {
                await #expect(throws: IdentityError.signInFailed) {
                    try await fixture.identity.signIn(
                        username: "user\(index)", password: "guess guess guess", code: "123456", address: "192.0.2.9", kind: .api, now: now)
                }
            }
            await #expect(throws: IdentityError.tooManyAttempts) {
                try await fixture.identity.signIn(
                    username: "admin.dk", password: "administrator password 1",
                    code: fixture.code(fixture.administratorCredentials, at: now),
                    address: "192.0.2.9", kind: .api, now: now)
            }
        }
    }

    @Test func sessionsExpireAndSuspensionEndsThemAtOnce() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            let web = try await fixture.identity.signIn(
                username: "admin.dk", password: "administrator password 1", code: fixture.code(fixture.administratorCredentials, at: now),
                address: "10.0.0.1", kind: .web, now: now)
            #expect(try await fixture.identity.session(token: web.token, now: now.addingTimeInterval(29 * 60)) != nil)
            #expect(try await fixture.identity.session(token: web.token, now: now.addingTimeInterval(29 * 60 + 30 * 60 + 1)) == nil)
            let later = now.addingTimeInterval(3600)
            let api = try await fixture.identity.signIn(
                username: "admin.dk", password: "administrator password 1", code: fixture.code(fixture.administratorCredentials, at: later),
                address: "10.0.0.1", kind: .api, now: later)
            #expect(try await fixture.identity.session(token: api.token, now: later.addingTimeInterval(7 * 3600)) != nil)
            #expect(try await fixture.identity.session(token: api.token, now: later.addingTimeInterval(8 * 3600)) == nil)
            // A second administrator suspends the first: the live token stops at once.
            let second = try await fixture.identity.createUser(
                NewUser(
                    username: "admin2.dk", fullName: "Second", email: "a2@example.org", language: .da, roles: [.localDataAdministrator]),
                in: fixture.administrator.organisation, by: fixture.administrator, now: later)
            var draft = second.user
            draft.status = .active
            let secondActive = draft
            try await database.transaction { sql in try await UserRepository(sql: sql).update(secondActive, now: later) }
            let secondPrincipal = Principal(user: secondActive, organisation: fixture.administrator.organisation)
            try await fixture.identity.suspend(fixture.administrator.user.id, by: secondPrincipal, now: later)
            #expect(try await fixture.identity.session(token: api.token, now: later.addingTimeInterval(60)) == nil)
        }
    }

    @Test func recoveryCodesWorkOnceAndActivationEnrolsTheSecondFactor() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let now = fixture.start.addingTimeInterval(100)
            let created = try await fixture.identity.createUser(
                NewUser(
                    username: "handler.dk", fullName: "Hanne Handler", email: "h@example.org", language: .da,
                    roles: [.requestHandler(legalArea: "services")]),
                in: fixture.administrator.organisation, by: fixture.administrator, now: now)
            #expect(created.user.status == .invited)
            await #expect(throws: IdentityError.passwordRefused(.tooShort(minimum: 12))) {
                try await fixture.identity.beginActivation(token: created.activationToken, password: "short", now: now)
            }
            await #expect(throws: IdentityError.passwordRefused(.common)) {
                try await fixture.identity.beginActivation(token: created.activationToken, password: "passwordpassword", now: now)
            }
            let enrolment = try await fixture.identity.beginActivation(
                token: created.activationToken, password: "a long handler passphrase", now: now)
            #expect(enrolment.recoveryCodes.count == 10 && enrolment.provisioningURI.hasPrefix("otpauth://totp/"))
            let raw = try #require(try await UserRepository(sql: database.sql).record(username: "handler.dk"))
            #expect(raw.totpSecretSealed?.contains(enrolment.secretBase32) == false, "the secret is stored sealed")
            #expect(raw.passwordHash?.hasPrefix("$2b$04$") == true, "bcrypt, at the suite's cheap cost")
            let secret = try fixture.identity.secrets.open(try #require(raw.totpSecretSealed))
            _ = try await fixture.identity.completeActivation(
                token: created.activationToken, code: OneTimeCode(secret: secret).code(at: now), kind: .web, now: now)
            await #expect(throws: IdentityError.activationInvalid) {
                try await fixture.identity.beginActivation(token: created.activationToken, password: "another long passphrase", now: now)
            }
            // Stored keyed: a plain SHA-256 of a code is not in the database; one stored so before is converted.
            let stored = try await database.sql.select().column("code_hash").from("recovery_code").all()
                .map { try $0.decode(column: "code_hash", as: String.self) }
            #expect(stored.count == 10 && stored.allSatisfy { $0.hasPrefix(SecretBox.digestPrefix) })
            #expect(!stored.contains(OpaqueToken.hash(RecoveryCodes.normalise(enrolment.recoveryCodes[3]))))
            let userID = raw.id
            let plain = OpaqueToken.hash(RecoveryCodes.normalise(enrolment.recoveryCodes[3]))
            let keyed = fixture.identity.recoveryCodeDigest(enrolment.recoveryCodes[3])
            // The fourth code as stored before codes were keyed: its plain SHA-256.
            try await database.transaction { sql in
                try await sql.update("recovery_code").set("code_hash", to: plain).where("user_id", .equal, userID)
                    .where("code_hash", .equal, keyed).run()
            }
            #expect(try await fixture.identity.protectRecoveryCodes() >= 1)
            let later = now.addingTimeInterval(120)
            _ = try await fixture.identity.signIn(
                username: "handler.dk", password: "a long handler passphrase", code: enrolment.recoveryCodes[3].uppercased(),
                address: "10.0.0.5",
                kind: .web, now: later)
            await #expect(throws: IdentityError.signInFailed) {
                try await fixture.identity.signIn(
                    username: "handler.dk", password: "a long handler passphrase", code: enrolment.recoveryCodes[3], address: "10.0.0.5",
                    kind: .web, now: later)
            }
            // Sent five times at once, a recovery code still signs in once.
            let identity = fixture.identity
            let code = enrolment.recoveryCodes[5]
            let successes = await withTaskGroup(of: Bool.self) { group in
                for attempt in 0..<5 {
                    group.addTask {
                        (try? await identity.signIn(
                            username: "handler.dk", password: "a long handler passphrase", code: code, address: "10.0.4.\(attempt)",
                            kind: .web, now: later)) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == 1, "\(successes) sign-ins with one recovery code")
        }
    }

    @Test func expiredActivationLinksAreRefused() async throws {
        try await TestDatabase.withDatabase { database in
            let fixture = try await IdentityFixture.make(database)
            let created = try await fixture.identity.createUser(
                NewUser(username: "late.dk", fullName: "Late", email: "l@example.org", language: .da, roles: []),
                in: fixture.administrator.organisation, by: fixture.administrator, now: fixture.start)
            await #expect(throws: IdentityError.activationInvalid) {
                try await fixture.identity.beginActivation(
                    token: created.activationToken, password: "a long enough passphrase", now: fixture.start.addingTimeInterval(73 * 3600))
            }
        }
    }
}
