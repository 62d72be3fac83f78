import Foundation
import Logging
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// Accounts, sign-in, sessions and user administration, with every rule applied in the write's transaction.
public struct IdentityService: Sendable {
    /// The database.
    public let database: any Database
    /// Seals one-time-code secrets at rest.
    public let secrets: SecretBox
    /// Hashes passwords.
    public let hasher: PasswordHasher
    /// Refuses weak passwords.
    public let passwords: PasswordRule
    /// Makes secrets and tokens.
    public let random: any SecureRandom
    /// Where access denials are logged (user id, action and reason; never personal data).
    public let logger: Logger
    /// Lockout after failures.
    public var lockout = LockoutRule()
    /// Per-address throttling.
    public var throttle = AddressThrottleRule()
    /// Session lifetimes.
    public var sessions = SessionRule()
    /// User-list confirmation interval.
    public var userLists = UserListRule()
    /// How long an activation link stays valid.
    public var activationLifetime: TimeInterval = 72 * 3600

    /// Creates the service.
    public init(
        database: any Database, secrets: SecretBox, hasher: PasswordHasher, passwords: PasswordRule, random: any SecureRandom,
        logger: Logger, userListIntervalMonths: Int = 6
    ) {
        self.database = database
        self.secrets = secrets
        self.hasher = hasher
        self.passwords = passwords
        self.random = random
        self.logger = logger
        self.userLists = UserListRule(intervalMonths: userListIntervalMonths)
    }

    /// Throws when `principal` may not do `action` on `target`, logging the denial.
    public func authorize(_ principal: Principal, _ action: AccessAction, on target: AccessTarget) throws {
        let decision = AccessPolicy.decide(principal, action, on: target)
        guard case .deny(let reason) = decision else { return }
        logger.notice(
            "Access denied",
            metadata: ["user.id": "\(principal.user.id.description)", "action": "\(action)", "reason": "\(reason)"])
        throw IdentityError.forbidden(reason)
    }

    /// The profile of `id`, or nil when no such coordinator or authority exists (or a coordinator
    /// is not of the kind named).
    public func organisation(_ id: OrganisationID, sql: (any SQLDatabase)? = nil) async throws -> Organisation? {
        let sql = sql ?? database.sql
        switch id {
        case .platform:
            return .platform
        case .authority(let authority):
            guard let authority = try await AuthorityRepository(sql: sql).find(authority.uuid) else { return nil }
            return Organisation(authority: authority)
        case .nationalCoordinator(let coordinator), .areaCoordinator(let coordinator):
            guard let coordinator = try await CoordinatorRepository(sql: sql).find(coordinator.uuid) else { return nil }
            let organisation = Organisation(coordinator: coordinator)
            return organisation.id == id ? organisation : nil
        }
    }

    /// The password rule's verdict as a domain error.
    func checkPassword(_ password: String) throws {
        switch passwords.problem(with: password) {
        case nil: return
        case .tooShort(let minimum): throw IdentityError.passwordRefused(.tooShort(minimum: minimum))
        case .tooLong(let maximum): throw IdentityError.passwordRefused(.tooLong(maximumBytes: maximum))
        case .common: throw IdentityError.passwordRefused(.common)
        }
    }
}
