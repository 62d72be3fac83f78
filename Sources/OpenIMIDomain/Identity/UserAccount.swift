import Foundation

/// A person working for one IMI actor, with the roles that actor granted them.
public struct UserAccount: Sendable, Hashable, Identifiable {
    /// The user's identifier.
    public internal(set) var id: UserID
    /// The actor the user belongs to.
    public internal(set) var organisation: OrganisationID
    /// The sign-in name, unique on the platform.
    public internal(set) var username: String
    /// Full name.
    public internal(set) var fullName: String
    /// Work e-mail address.
    public internal(set) var email: String
    /// Preferred interface language.
    public internal(set) var language: Language
    /// The IANA time zone pages show times in; nil for the zone of the user's member state.
    public internal(set) var timeZone: String?
    /// Invited, active or suspended.
    public internal(set) var status: UserStatus
    /// The roles granted.
    public internal(set) var roles: Set<Role>
    /// When the user last signed in.
    public internal(set) var lastSignInAt: Date?
    /// When the account was created.
    public internal(set) var createdAt: Date

    /// Creates a user account.
    public init(
        id: UserID, organisation: OrganisationID, username: String, fullName: String, email: String,
        language: Language, timeZone: String? = nil, status: UserStatus, roles: Set<Role>, lastSignInAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.organisation = organisation
        self.username = username
        self.fullName = fullName
        self.email = email
        self.language = language
        self.timeZone = timeZone
        self.status = status
        self.roles = roles
        self.lastSignInAt = lastSignInAt
        self.createdAt = createdAt
    }
}

/// Where an account stands.
public enum UserStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Created by an administrator; has not activated the account yet.
    case invited
    /// Can sign in.
    case active
    /// Cannot sign in; live sessions and tokens stop working at once.
    case suspended
}

/// A signed-in user together with the organisation they act for: the subject of every access decision.
public struct Principal: Sendable, Hashable {
    /// The user.
    public internal(set) var user: UserAccount
    /// The user's organisation.
    public internal(set) var organisation: Organisation

    /// Creates a principal.
    public init(user: UserAccount, organisation: Organisation) {
        self.user = user
        self.organisation = organisation
    }

    /// Whether the user holds `role`.
    public func holds(_ role: Role) -> Bool { user.roles.contains(role) }
}
