import Foundation
import OpenIMIDomain
import SQLKit

/// A row of `user_account`: the account, its credentials and its sign-in counters.
public struct UserRecord: Sendable, Codable {
    /// Identifier as text.
    public var id: String
    /// Organisation kind raw value.
    public var organisationKind: String
    /// Organisation id, nil for platform users.
    public var organisationId: String?
    /// Unique sign-in name.
    public var username: String
    /// Full name.
    public var fullName: String
    /// E-mail.
    public var email: String
    /// Interface language code.
    public var language: String
    /// IANA time zone chosen by the user; nil for the member state's.
    public var timeZone: String?
    /// Status raw value.
    public var status: String
    /// bcrypt hash; nil until the account is activated.
    public var passwordHash: String?
    /// The one-time-code secret sealed with the secret box; nil until enrolment starts.
    public var totpSecretSealed: String?
    /// Whether the one-time-code secret was confirmed with a first code.
    public var totpConfirmed: Bool
    /// The last accepted code step (replays must be newer).
    public var totpLastStep: Int64?
    /// Failed attempts since the last success or lock.
    public var failedAttempts: Int
    /// Seconds since 1970 until which the account is locked.
    public var lockedUntil: Int64?
    /// Seconds since 1970 of the last sign-in.
    public var lastSignInAt: Int64?
    /// Seconds since 1970.
    public var createdAt: Int64
    /// Seconds since 1970.
    public var updatedAt: Int64

    // Column names spelt out: decoding with a key strategy converts every key of every row.
    enum CodingKeys: String, CodingKey {
        case id
        case organisationKind = "organisation_kind"
        case organisationId = "organisation_id"
        case username
        case fullName = "full_name"
        case email
        case language
        case timeZone = "time_zone"
        case status
        case passwordHash = "password_hash"
        case totpSecretSealed = "totp_secret_sealed"
        case totpConfirmed = "totp_confirmed"
        case totpLastStep = "totp_last_step"
        case failedAttempts = "failed_attempts"
        case lockedUntil = "locked_until"
        case lastSignInAt = "last_sign_in_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The record in `row`, read column by column: it runs for every signed-in request.
    init(row: some SQLRow) throws {
        id = try row.decode(column: CodingKeys.id.stringValue, as: String.self)
        organisationKind = try row.decode(column: CodingKeys.organisationKind.stringValue, as: String.self)
        organisationId = try row.decode(column: CodingKeys.organisationId.stringValue, as: String?.self)
        username = try row.decode(column: CodingKeys.username.stringValue, as: String.self)
        fullName = try row.decode(column: CodingKeys.fullName.stringValue, as: String.self)
        email = try row.decode(column: CodingKeys.email.stringValue, as: String.self)
        language = try row.decode(column: CodingKeys.language.stringValue, as: String.self)
        timeZone = try row.decode(column: CodingKeys.timeZone.stringValue, as: String?.self)
        status = try row.decode(column: CodingKeys.status.stringValue, as: String.self)
        passwordHash = try row.decode(column: CodingKeys.passwordHash.stringValue, as: String?.self)
        totpSecretSealed = try row.decode(column: CodingKeys.totpSecretSealed.stringValue, as: String?.self)
        totpConfirmed = try row.decode(column: CodingKeys.totpConfirmed.stringValue, as: Bool.self)
        totpLastStep = try row.decode(column: CodingKeys.totpLastStep.stringValue, as: Int64?.self)
        failedAttempts = try row.decode(column: CodingKeys.failedAttempts.stringValue, as: Int.self)
        lockedUntil = try row.decode(column: CodingKeys.lockedUntil.stringValue, as: Int64?.self)
        lastSignInAt = try row.decode(column: CodingKeys.lastSignInAt.stringValue, as: Int64?.self)
        createdAt = try row.decode(column: CodingKeys.createdAt.stringValue, as: Int64.self)
        updatedAt = try row.decode(column: CodingKeys.updatedAt.stringValue, as: Int64.self)
    }

    /// A new row for `user` without credentials.
    public init(_ user: UserAccount, now: Date) {
        self.id = user.id.description
        self.organisationKind = user.organisation.kind.rawValue
        self.organisationId = user.organisation.uuid?.uuidString.lowercased()
        self.username = user.username
        self.fullName = user.fullName
        self.email = user.email
        self.language = user.language.rawValue
        self.timeZone = user.timeZone
        self.status = user.status.rawValue
        self.passwordHash = nil
        self.totpSecretSealed = nil
        self.totpConfirmed = false
        self.totpLastStep = nil
        self.failedAttempts = 0
        self.lockedUntil = nil
        self.lastSignInAt = user.lastSignInAt.map { Int64($0.timeIntervalSince1970) }
        self.createdAt = Int64(user.createdAt.timeIntervalSince1970)
        self.updatedAt = Int64(now.timeIntervalSince1970)
    }

    /// The domain value with `roles`.
    public func user(roles: Set<Role>) throws -> UserAccount {
        let organisationUUID = organisationId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
        guard let uuid = UUID(uuidString: id), let kind = OrganisationKind(rawValue: organisationKind),
            organisationUUID != nil || (organisationId ?? "").isEmpty,
            let organisation = OrganisationID(kind: kind, id: organisationUUID), let language = Language(rawValue: language),
            let status = UserStatus(rawValue: status)
        else { throw PersistenceError.corruptRow(table: "user_account", key: id) }
        return UserAccount(
            id: UserID(uuid), organisation: organisation, username: username,
            fullName: fullName, email: email, language: language, timeZone: timeZone, status: status, roles: roles,
            lastSignInAt: lastSignInAt.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            createdAt: Date(timeIntervalSince1970: TimeInterval(createdAt)))
    }
}
