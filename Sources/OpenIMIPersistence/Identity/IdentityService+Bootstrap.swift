import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

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
        let hash = hasher.hash(password)
        var active = user
        active.status = .active
        let account = active
        try await database.transaction { sql in
            let repository = UserRepository(sql: sql)
            try await repository.insert(account, now: now)
            try await repository.setColumns(account.id, ["password_hash": hash, "totp_secret_sealed": sealed, "totp_confirmed": true])
        }
        return ProvisionedCredentials(
            username: user.username, password: password, totpSecretBase32: OneTimeCode(secret: secret).base32Secret, totpSecret: secret)
    }
}
