import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

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
        if try await isThrottled(address: address, now: now) {
            PlatformMetrics.signInRefused(.throttled)
            throw IdentityError.tooManyAttempts
        }
        let passwordMatches = try await hasher.verify(password, against: record?.passwordHash)
        guard let record else {
            try await recordAddressFailure(address, now: now)
            PlatformMetrics.signInRefused(.failed)
            throw IdentityError.signInFailed
        }
        guard let id = UUID(uuidString: record.id) else { throw PersistenceError.corruptRow(table: "user_account", key: "id") }
        let locked = lockout.isLocked(until: record.lockedUntil.map { Date(timeIntervalSince1970: TimeInterval($0)) }, at: now)
        let secondFactor = passwordMatches && !locked ? try await acceptedSecondFactor(record, code: code, now: now) : nil
        guard let secondFactor, record.status == UserStatus.active.rawValue, record.totpConfirmed else {
            if !locked { try await recordAccountFailure(id, now: now) }
            try await recordAddressFailure(address, now: now)
            PlatformMetrics.signInRefused(locked ? .locked : .failed)
            throw IdentityError.signInFailed
        }
        return try await database.transaction { sql in
            let repository = UserRepository(sql: sql)
            // Failures sent in parallel may have locked the account since it was read above.
            let lockedNow = try await repository.record(id: id)?.lockedUntil.map { Date(timeIntervalSince1970: TimeInterval($0)) }
            guard !lockout.isLocked(until: lockedNow, at: now) else { throw IdentityError.signInFailed }
            let columns: [String: any Encodable & Sendable] = [
                "failed_attempts": 0, "locked_until": Int64?.none, "last_sign_in_at": now.epochSeconds,
            ]
            // Each second factor is used up in one conditional statement (see the repositories).
            switch secondFactor {
            case .code(let step):
                guard try await repository.claimCodeStep(step, of: record.id) else { throw IdentityError.signInFailed }
            case .recoveryCode(let digest):
                guard try await RecoveryCodeRepository(sql: sql).claim(digest, of: record.id, at: now) else {
                    throw IdentityError.signInFailed
                }
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
        return try await RecoveryCodeRepository(sql: database.sql).isUnused(hash, of: record.id) ? .recoveryCode(hash) : nil
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
            try await RecoveryCodeRepository(sql: sql).rekeyAll(notPrefixed: SecretBox.digestPrefix) { secrets.digest($0) }
        }
    }

    private func isThrottled(address: String, now: Date) async throws -> Bool {
        guard let failures = try await SignInThrottleRepository(sql: database.sql).failures(of: address) else { return false }
        return throttle.isThrottled(failures: failures.count, windowStart: failures.windowStart, at: now)
    }

    /// Counts a failure against the account; parallel failures are each counted, the one that
    /// reaches the limit locks the account, and failures while it is locked change nothing.
    private func recordAccountFailure(_ id: UUID, now: Date) async throws {
        let (limit, lockedUntil) = (lockout.maximumFailures, now.addingTimeInterval(lockout.duration))
        try await database.transaction { sql in
            try await UserRepository(sql: sql).recordFailure(of: id, limit: limit, lockedUntil: lockedUntil, now: now)
        }
    }

    /// Counts a failure against the address, in a new window when the last one is over.
    private func recordAddressFailure(_ address: String, now: Date) async throws {
        let windowOver = now.addingTimeInterval(-throttle.window)
        try await database.transaction { sql in
            try await SignInThrottleRepository(sql: sql).recordFailure(of: address, at: now, windowOver: windowOver)
        }
    }
}
