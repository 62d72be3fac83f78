import Foundation

/// Rules for changing an organisation's users that need the whole list.
public enum UserAdministration {
    /// Throws when replacing `before` by `after` would leave the organisation of `users` without an
    /// active local data administrator (while it had one).
    public static func checkKeepsAnAdministrator(
        users: [UserAccount], replacing before: UserAccount, with after: UserAccount
    ) throws(IdentityError) {
        func isAdministrator(_ user: UserAccount) -> Bool { user.status == .active && user.roles.contains(.localDataAdministrator) }
        guard isAdministrator(before), !isAdministrator(after) else { return }
        let others = users.filter { $0.id != before.id && isAdministrator($0) }
        if others.isEmpty { throw .lastAdministrator }
    }

    /// Normalises a username: trimmed and lower case; throws when it has other characters than
    /// letters, digits, dot, hyphen and underscore, or is not 3–64 characters long.
    public static func username(_ raw: String) throws(IdentityError) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard (3...64).contains(name.count),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") })
        else { throw .invalidField("username", .malformed) }
        return name
    }
}

/// Errors of identity and access.
public enum IdentityError: Error, Sendable, Hashable {
    /// The change would remove the organisation's last local data administrator.
    case lastAdministrator
    /// The username is already taken.
    case usernameTaken
    /// A field is missing or malformed.
    case invalidField(String, InvalidFieldReason)
    /// The password is refused by the password rule.
    case passwordRefused(PasswordRefusal)
    /// Username, password or code did not match, or the account is locked; deliberately one answer.
    case signInFailed
    /// Too many failed sign-ins from this address; try again later.
    case tooManyAttempts
    /// Not signed in, or the session has ended.
    case notSignedIn
    /// Signed in, but the access policy refused the action.
    case forbidden(AccessDenial)
    /// The activation link is unknown, used or expired.
    case activationInvalid
    /// The second factor is not enrolled yet.
    case enrolmentRequired
    /// No user with this identifier.
    case unknownUser
    /// The CSRF token of a form is missing or wrong.
    case csrfMismatch
}

/// Why a password was refused.
public enum PasswordRefusal: Sendable, Hashable {
    /// Shorter than the minimum.
    case tooShort(minimum: Int)
    /// Longer than can be stored.
    case tooLong(maximumBytes: Int)
    /// On the list of common passwords.
    case common
}
