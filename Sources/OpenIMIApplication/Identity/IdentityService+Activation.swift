import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// What a user sees once when enrolling: the one-time-code secret and the recovery codes.
public struct Enrolment: Sendable {
    /// The secret in base32, to type into an authenticator app.
    public let secretBase32: String
    /// The `otpauth://` URI, for a QR code.
    public let provisioningURI: String
    /// Ten single-use recovery codes.
    public let recoveryCodes: [String]
}

extension IdentityService {
    /// Issues a one-time activation link secret for `userID`, replacing earlier ones. Run inside a transaction.
    func issueActivation(for userID: UUID, sql: any SQLDatabase, now: Date) async throws -> String {
        let token = OpaqueToken.make(random: random)
        try await ActivationRepository(sql: sql).replace(
            of: userID, tokenHash: OpaqueToken.hash(token), expiresAt: now.addingTimeInterval(activationLifetime))
        return token
    }

    /// The interface language the account an activation link opens was created with; nil for a
    /// link that is unknown, used or expired.
    public func activationLanguage(token: String, now: Date) async throws -> Language? {
        guard let userID = try await ActivationRepository(sql: database.sql).user(of: OpaqueToken.hash(token), at: now) else { return nil }
        return try await UserRepository(sql: database.sql).find(userID)?.language
    }

    /// First step of activation: checks the link, sets the password (and the interface language
    /// chosen, if any) and returns a new secret and recovery codes.
    public func beginActivation(token: String, password: String, language: Language? = nil, now: Date) async throws -> Enrolment {
        try checkPassword(password)
        let hash = try await hasher.hash(password)
        let secret = OneTimeCode.newSecret(random: random)
        let codes = RecoveryCodes.make(random: random)
        let sealed = try secrets.seal(secret)
        let user = try await database.transaction { sql in
            let userID = try await Self.activationUser(token: token, sql: sql, now: now)
            let repository = UserRepository(sql: sql)
            try await repository.setColumns(
                userID, ["password_hash": hash, "totp_secret_sealed": sealed, "totp_confirmed": false, "totp_last_step": Int64?.none])
            if let language { try await repository.setColumns(userID, ["language": language.rawValue]) }
            try await RecoveryCodeRepository(sql: sql).replace(of: userID, with: codes.map(recoveryCodeDigest))
            guard let user = try await repository.find(userID) else { throw IdentityError.activationInvalid }
            return user
        }
        let code = OneTimeCode(secret: secret)
        return Enrolment(
            secretBase32: code.base32Secret, provisioningURI: code.provisioningURI(account: user.username, issuer: "OpenIMI"),
            recoveryCodes: codes)
    }

    /// Second step: a first valid code confirms the secret, activates the account and signs it in.
    public func completeActivation(token: String, code: String, kind: SessionKind, now: Date) async throws -> SignedIn {
        try await database.transaction { sql in
            let userID = try await Self.activationUser(token: token, sql: sql, now: now)
            let repository = UserRepository(sql: sql)
            guard let record = try await repository.record(id: userID), let sealed = record.totpSecretSealed, record.passwordHash != nil
            else {
                throw IdentityError.enrolmentRequired
            }
            guard
                let step = OneTimeCode(secret: try secrets.open(sealed)).acceptedStep(for: code, at: now, lastUsedStep: record.totpLastStep)
            else { throw IdentityError.signInFailed }
            try await repository.setColumns(
                userID,
                [
                    "totp_confirmed": true, "totp_last_step": step, "status": UserStatus.active.rawValue, "failed_attempts": 0,
                    "locked_until": Int64?.none, "last_sign_in_at": now.epochSeconds,
                ])
            try await ActivationRepository(sql: sql).markUsed(OpaqueToken.hash(token), at: now)
            guard let user = try await repository.find(userID) else { throw IdentityError.activationInvalid }
            return try await SessionStore(sql: sql).create(for: user, kind: kind, random: random, rule: sessions, now: now)
        }
    }

    private static func activationUser(token: String, sql: any SQLDatabase, now: Date) async throws -> UUID {
        guard let userID = try await ActivationRepository(sql: sql).user(of: OpaqueToken.hash(token), at: now) else {
            throw IdentityError.activationInvalid
        }
        return userID
    }
}
