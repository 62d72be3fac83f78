import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// A successful sign-in: the session token to hand to the client and its CSRF token.
public struct SignedIn: Sendable {
    /// The opaque session or bearer token; only its hash is stored.
    public let token: String
    /// The CSRF token forms of this session must carry.
    public let csrfToken: String
    /// When the token stops working at the latest.
    public let expiresAt: Date
    /// The user.
    public let user: UserAccount
}

extension IdentityService {
    /// Signs in with username, password and a one-time code (or an unused recovery code).
    ///
    /// Wrong username, wrong password, wrong code and a locked account all throw `signInFailed`
    /// after the same bcrypt work. Failures count towards the account's lock and the address's throttle.
    public func signIn(
        username: String, password: String, code: String, address: String, kind: SessionKind, now: Date
    ) async throws
        -> SignedIn
    {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let users = UserRepository(sql: database.sql)
        let record = try await users.record(username: name)
        if try await isThrottled(address: address, now: now) { throw IdentityError.tooManyAttempts }
        let passwordMatches = hasher.verify(password, against: record?.passwordHash)
        guard let record, let id = UUID(uuidString: record.id) else {
            try await recordAddressFailure(address, now: now)
            throw IdentityError.signInFailed
        }
        let locked = lockout.isLocked(until: record.lockedUntil.map { Date(timeIntervalSince1970: TimeInterval($0)) }, at: now)
        let secondFactor = passwordMatches && !locked ? try await acceptedSecondFactor(record, code: code, now: now) : nil
        guard let secondFactor, record.status == UserStatus.active.rawValue, record.totpConfirmed else {
            try await database.transaction { sql in
                if !locked {
                    let current = try await UserRepository(sql: sql).record(id: id)
                    let after = lockout.afterFailure(previousFailures: current?.failedAttempts ?? 0, at: now)
                    try await UserRepository(sql: sql).setColumns(
                        id, ["failed_attempts": after.failures, "locked_until": after.lockedUntil?.epochSeconds])
                }
            }
            try await recordAddressFailure(address, now: now)
            throw IdentityError.signInFailed
        }
        return try await database.transaction { sql in
            let repository = UserRepository(sql: sql)
            var columns: [String: any Encodable & Sendable] = [
                "failed_attempts": 0, "locked_until": Int64?.none, "last_sign_in_at": now.epochSeconds,
            ]
            switch secondFactor {
            case .code(let step):
                // Refuse a replay that raced this sign-in: the step must still be newer than the stored one.
                let current = try await repository.record(id: id)
                guard (current?.totpLastStep ?? Int64.min) < step else { throw IdentityError.signInFailed }
                columns["totp_last_step"] = step
            case .recoveryCode(let hash):
                try await sql.update("recovery_code").set("used_at", to: now.epochSeconds)
                    .where("user_id", .equal, record.id).where("code_hash", .equal, hash).run()
            }
            try await repository.setColumns(id, columns)
            let user = try await repository.account(record)
            return try await SessionStore(sql: sql).create(for: user, kind: kind, random: random, rule: sessions, now: now)
        }
    }

    private enum SecondFactor { case code(Int64), recoveryCode(String) }

    private func acceptedSecondFactor(_ record: UserRecord, code: String, now: Date) async throws -> SecondFactor? {
        guard let sealed = record.totpSecretSealed else { return nil }
        let secret = OneTimeCode(secret: try secrets.open(sealed))
        if let step = secret.acceptedStep(for: code, at: now, lastUsedStep: record.totpLastStep) { return .code(step) }
        let hash = OpaqueToken.hash(RecoveryCodes.normalise(code))
        let unused = try await database.sql.select().column("code_hash").from("recovery_code")
            .where("user_id", .equal, record.id).where("code_hash", .equal, hash).where("used_at", .is, SQLLiteral.null).first()
        return unused == nil ? nil : .recoveryCode(hash)
    }

    private func isThrottled(address: String, now: Date) async throws -> Bool {
        guard let row = try await database.sql.select().column("*").from("sign_in_throttle").where("address", .equal, address).first()
        else { return false }
        let start = Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "window_start", as: Int64.self)))
        return throttle.isThrottled(failures: try row.decode(column: "failures", as: Int.self), windowStart: start, at: now)
    }

    private func recordAddressFailure(_ address: String, now: Date) async throws {
        let rule = throttle
        try await database.transaction { sql in
            let row = try await sql.select().column("*").from("sign_in_throttle").where("address", .equal, address).first()
            let start = try row.map { Date(timeIntervalSince1970: TimeInterval(try $0.decode(column: "window_start", as: Int64.self))) }
            let failures = try row?.decode(column: "failures", as: Int.self) ?? 0
            let fresh = start.map { now >= $0.addingTimeInterval(rule.window) } ?? true
            try await sql.insert(into: "sign_in_throttle").columns("address", "window_start", "failures")
                .values(SQLBind(address), SQLBind(fresh ? now.epochSeconds : start!.epochSeconds), SQLBind(fresh ? 1 : failures + 1))
                .onConflict(with: "address") { $0.set(excludedValueOf: "window_start").set(excludedValueOf: "failures") }
                .run()
        }
    }
}
