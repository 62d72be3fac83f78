import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// The credentials of an account provisioned by the platform itself.
public struct ProvisionedCredentials: Sendable, Codable {
    /// Sign-in name.
    public let username: String
    /// The password.
    public let password: String
    /// The one-time-code secret in base32.
    public let totpSecretBase32: String
    /// The raw secret (its bytes are the HMAC key), for scripts that compute codes.
    public let totpSecret: String
}

extension IdentityService {
    /// Creates an active, enrolled account without an acting principal: for the platform's own
    /// provisioning only (the first operator, demo data), never reachable from a request.
    public func provision(_ user: UserAccount, password: String, now: Date) async throws -> ProvisionedCredentials {
        try checkPassword(password)
        let secret = OneTimeCode.newSecret(random: random)
        let sealed = try secrets.seal(secret)
        let hash = try await hasher.hash(password)
        let account = user.activated()
        try await database.transaction { sql in
            let repository = UserRepository(sql: sql)
            try await repository.insert(account, now: now)
            try await repository.setColumns(account.id.uuid, ["password_hash": hash, "totp_secret_sealed": sealed, "totp_confirmed": true])
        }
        return ProvisionedCredentials(
            username: user.username, password: password, totpSecretBase32: OneTimeCode(secret: secret).base32Secret, totpSecret: secret)
    }

    /// Gives an existing account a new password and one-time-code secret and makes it active again;
    /// for the platform's own provisioning only (refreshing demo credentials).
    public func reprovision(_ id: UserID, username: String, password: String, now: Date) async throws -> ProvisionedCredentials {
        try checkPassword(password)
        let secret = OneTimeCode.newSecret(random: random)
        let sealed = try secrets.seal(secret)
        let hash = try await hasher.hash(password)
        try await database.transaction { sql in
            try await UserRepository(sql: sql).setColumns(
                id.uuid,
                [
                    "password_hash": hash, "totp_secret_sealed": sealed, "totp_confirmed": true, "totp_last_step": Int64?.none,
                    "status": UserStatus.active.rawValue, "failed_attempts": 0, "locked_until": Int64?.none,
                    "last_sign_in_at": now.epochSeconds,
                ])
            try await SessionStore(sql: sql).revokeAll(of: id.uuid, now: now)
        }
        return ProvisionedCredentials(
            username: username, password: password, totpSecretBase32: OneTimeCode(secret: secret).base32Secret, totpSecret: secret)
    }
}
