import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// A user created by an administrator, with the secret of the activation link to send them.
public struct CreatedUser: Sendable {
    /// The new account (status invited).
    public let user: UserAccount
    /// The one-time activation secret; it is shown once and stored only as a hash.
    public let activationToken: String
}

/// What a user of an organisation may be given when created.
public struct NewUser: Sendable {
    /// Sign-in name.
    public var username: String
    /// Full name.
    public var fullName: String
    /// E-mail.
    public var email: String
    /// Interface language.
    public var language: Language
    /// Roles to grant at once.
    public var roles: Set<Role>

    /// Creates the description of a new user.
    public init(username: String, fullName: String, email: String, language: Language, roles: Set<Role>) {
        self.username = username
        self.fullName = fullName
        self.email = email
        self.language = language
        self.roles = roles
    }
}

extension IdentityService {
    /// The users of an organisation, for someone allowed to see them.
    public func users(of organisation: Organisation, by principal: Principal) async throws -> [UserAccount] {
        try authorize(principal, .viewUsers, on: .organisation(organisation))
        return try await UserRepository(sql: database.sql).users(of: organisation.id)
    }

    /// Creates an invited user in `organisation` with `roles`, each of which the principal must be allowed to grant.
    public func createUser(_ new: NewUser, in organisation: Organisation, by principal: Principal, now: Date) async throws -> CreatedUser {
        try authorize(principal, .createUser, on: .organisation(organisation))
        let username = try UserAdministration.username(new.username)
        guard !new.fullName.trimmingCharacters(in: .whitespaces).isEmpty, new.fullName.count <= 200 else {
            throw IdentityError.invalidField("fullName", .required)
        }
        guard new.email.contains("@"), new.email.count <= 254, !new.email.contains(" ") else {
            throw IdentityError.invalidField("email", .malformed)
        }
        let user = UserAccount(
            id: UserID.random(), organisation: organisation.id, username: username,
            fullName: new.fullName.trimmingCharacters(in: .whitespaces), email: new.email, language: new.language, status: .invited,
            roles: [], createdAt: now)
        for role in new.roles { try authorize(principal, .grantRole(role), on: .user(user, of: organisation)) }
        let withRoles = user.holding(new.roles)
        let token = try await database.transaction { sql in
            try await UserRepository(sql: sql).insert(withRoles, now: now)
            return try await issueActivation(for: user.id.uuid, sql: sql, now: now)
        }
        return CreatedUser(user: withRoles, activationToken: token)
    }

    /// Grants `role` to the user `id`.
    @discardableResult
    public func grant(_ role: Role, to id: UserID, by principal: Principal, now: Date) async throws -> UserAccount {
        try await change(id, by: principal, action: .grantRole(role), now: now) { $0.granting(role) }
    }

    /// Withdraws `role` from the user `id`; the organisation's last administrator keeps theirs.
    @discardableResult
    public func withdraw(_ role: Role, from id: UserID, by principal: Principal, now: Date) async throws -> UserAccount {
        try await change(id, by: principal, action: .withdrawRole(role), now: now) { $0.withdrawing(role) }
    }

    /// Suspends the user `id`: their sessions and tokens stop working at once.
    @discardableResult
    public func suspend(_ id: UserID, by principal: Principal, now: Date) async throws -> UserAccount {
        try await change(id, by: principal, action: .changeUser, now: now) { $0.suspended() }
    }

    /// Lifts a suspension; the user signs in as before.
    @discardableResult
    public func reinstate(_ id: UserID, by principal: Principal, now: Date) async throws -> UserAccount {
        try await change(id, by: principal, action: .changeUser, now: now) { $0.reinstated() }
    }

    /// Clears the user's second factor and issues a new activation link to enrol again.
    public func resetSecondFactor(of id: UserID, by principal: Principal, now: Date) async throws -> CreatedUser {
        let user = try await change(id, by: principal, action: .changeUser, now: now) { $0 }
        let token = try await database.transaction { sql in
            try await UserRepository(sql: sql).setColumns(
                id.uuid, ["totp_secret_sealed": String?.none, "totp_confirmed": false, "totp_last_step": Int64?.none])
            try await RecoveryCodeRepository(sql: sql).removeAll(of: id.uuid)
            try await SessionStore(sql: sql).revokeAll(of: id.uuid, now: now)
            return try await issueActivation(for: id.uuid, sql: sql, now: now)
        }
        return CreatedUser(user: user, activationToken: token)
    }

    /// Changes the principal's own language, name and time zone (`.some(nil)`: the member state's again).
    public func updateOwnProfile(
        _ principal: Principal, language: Language?, fullName: String?, timeZone: String?? = nil, now: Date
    ) async throws -> UserAccount {
        try authorize(principal, .manageOwnAccount, on: .ownAccount)
        if let fullName {
            guard !fullName.trimmingCharacters(in: .whitespaces).isEmpty, fullName.count <= 200 else {
                throw IdentityError.invalidField("fullName", .required)
            }
        }
        if let zone = timeZone ?? nil, !LocalTime.isKnown(zone) { throw IdentityError.invalidField("timeZone", .notAllowed) }
        let changed = principal.user.withProfile(language: language, fullName: fullName, timeZone: timeZone)
        try await database.transaction { sql in try await UserRepository(sql: sql).update(changed, now: now) }
        return changed
    }

    /// Changes the principal's own password after checking the current one.
    public func changeOwnPassword(_ principal: Principal, current: String, new: String, now: Date) async throws {
        try authorize(principal, .manageOwnAccount, on: .ownAccount)
        let record = try await UserRepository(sql: database.sql).record(id: principal.user.id.uuid)
        guard try await hasher.verify(current, against: record?.passwordHash) else { throw IdentityError.signInFailed }
        try checkPassword(new)
        let hash = try await hasher.hash(new)
        try await database.transaction { sql in
            try await UserRepository(sql: sql).setColumns(principal.user.id.uuid, ["password_hash": hash, "updated_at": now.epochSeconds])
        }
    }

    /// Loads, authorises and saves one change to a user, keeping an administrator and revoking
    /// sessions of users who are no longer active.
    private func change(
        _ id: UserID, by principal: Principal, action: AccessAction, now: Date, _ transition: @Sendable (UserAccount) -> UserAccount
    ) async throws -> UserAccount {
        guard let before = try await UserRepository(sql: database.sql).find(id.uuid),
            let organisation = try await organisation(before.organisation)
        else { throw IdentityError.unknownUser }
        try authorize(principal, action, on: .user(before, of: organisation))
        let changed = transition(before)
        try await database.transaction { sql in
            let colleagues = try await UserRepository(sql: sql).users(of: organisation.id)
            try UserAdministration.checkKeepsAnAdministrator(users: colleagues, replacing: before, with: changed)
            try await UserRepository(sql: sql).update(changed, now: now)
            if changed.status != .active { try await SessionStore(sql: sql).revokeAll(of: id.uuid, now: now) }
        }
        return changed
    }
}
