import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

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
            if !locked { try await recordAccountFailure(id, now: now) }
            try await recordAddressFailure(address, now: now)
            throw IdentityError.signInFailed
        }
        return try await database.transaction { sql in
            let repository = UserRepository(sql: sql)
            // Failures sent in parallel may have locked the account since it was read above.
            let lockedNow = try await repository.record(id: id)?.lockedUntil.map { Date(timeIntervalSince1970: TimeInterval($0)) }
            guard !lockout.isLocked(until: lockedNow, at: now) else { throw IdentityError.signInFailed }
            var columns: [String: any Encodable & Sendable] = [
                "failed_attempts": 0, "locked_until": Int64?.none, "last_sign_in_at": now.epochSeconds,
            ]
            // Each second factor is used up in one conditional statement, so that of two sign-ins
            // racing with the same code only one finds it unused.
            switch secondFactor {
            case .code(let step):
                let claimed = try await sql.raw(
                    """
                    UPDATE user_account SET totp_last_step = \(bind: step) WHERE id = \(bind: record.id)
                    AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
                    """
                ).all()
                guard !claimed.isEmpty else { throw IdentityError.signInFailed }
            case .recoveryCode(let hash):
                let claimed = try await sql.raw(
                    """
                    UPDATE recovery_code SET used_at = \(bind: now.epochSeconds) WHERE user_id = \(bind: record.id)
                    AND code_hash = \(bind: hash) AND used_at IS NULL RETURNING code_hash
                    """
                ).all()
                guard !claimed.isEmpty else { throw IdentityError.signInFailed }
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
        let hash = recoveryCodeDigest(code)
        let unused = try await database.sql.select().column("code_hash").from("recovery_code")
            .where("user_id", .equal, record.id).where("code_hash", .equal, hash).where("used_at", .is, SQLLiteral.null).first()
        return unused == nil ? nil : .recoveryCode(hash)
    }

    /// How a recovery code is stored: keyed with the secret key over its SHA-256, so that the
    /// stored value cannot be tested against guesses without the key (and codes stored before as a
    /// plain SHA-256 are converted in place by `protectRecoveryCodes`).
    public func recoveryCodeDigest(_ code: String) -> String {
        secrets.digest(OpaqueToken.hash(RecoveryCodes.normalise(code)))
    }

    /// Converts recovery codes stored as a plain SHA-256 to the keyed form; returns how many.
    @discardableResult
    public func protectRecoveryCodes() async throws -> Int {
        let secrets = self.secrets
        return try await database.transaction { sql in
            let rows = try await sql.select().columns("user_id", "code_hash").from("recovery_code")
                .where("code_hash", .notLike, "\(SecretBox.digestPrefix)%").all()
            for row in rows {
                let old = try row.decode(column: "code_hash", as: String.self)
                try await sql.update("recovery_code").set("code_hash", to: secrets.digest(old))
                    .where("user_id", .equal, try row.decode(column: "user_id", as: String.self)).where("code_hash", .equal, old).run()
            }
            return rows.count
        }
    }

    private func isThrottled(address: String, now: Date) async throws -> Bool {
        guard let row = try await database.sql.select().column("*").from("sign_in_throttle").where("address", .equal, address).first()
        else { return false }
        let start = Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "window_start", as: Int64.self)))
        return throttle.isThrottled(failures: try row.decode(column: "failures", as: Int.self), windowStart: start, at: now)
    }

    /// Counts a failure against the account in one statement, so that failures sent in parallel are
    /// each counted (no read-then-write); the one that reaches the limit locks the account, and
    /// failures while it is locked change nothing.
    private func recordAccountFailure(_ id: UUID, now: Date) async throws {
        let (limit, lockedUntil) = (lockout.maximumFailures, now.addingTimeInterval(lockout.duration).epochSeconds)
        try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE user_account SET
                  locked_until = CASE WHEN failed_attempts + 1 >= \(bind: limit) THEN \(bind: lockedUntil) ELSE locked_until END,
                  failed_attempts = CASE WHEN failed_attempts + 1 >= \(bind: limit) THEN 0 ELSE failed_attempts + 1 END
                WHERE id = \(bind: id.uuidString.lowercased()) AND (locked_until IS NULL OR locked_until <= \(bind: now.epochSeconds))
                """
            ).run()
        }
    }

    /// Counts a failure against the address in one statement (an upsert that starts a new window
    /// when the last one is over), so that parallel failures are each counted.
    private func recordAddressFailure(_ address: String, now: Date) async throws {
        let windowOver = now.addingTimeInterval(-throttle.window).epochSeconds
        try await database.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO sign_in_throttle (address, window_start, failures) VALUES (\(bind: address), \(bind: now.epochSeconds), 1)
                ON CONFLICT (address) DO UPDATE SET
                  failures = CASE WHEN sign_in_throttle.window_start <= \(bind: windowOver) THEN 1 ELSE sign_in_throttle.failures + 1 END,
                  window_start = CASE WHEN sign_in_throttle.window_start <= \(bind: windowOver) THEN excluded.window_start
                    ELSE sign_in_throttle.window_start END
                """
            ).run()
        }
    }
}
