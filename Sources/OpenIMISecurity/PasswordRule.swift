import Foundation

/// Which passwords are accepted: at least 12 characters, not on the shipped list of common passwords.
public struct PasswordRule: Sendable {
    /// Shortest accepted password.
    public static let minimumLength = 12
    /// Longest accepted password (bcrypt reads 72 bytes).
    public static let maximumBytes = 72
    private let common: Set<String>

    /// Loads the bundled list of common passwords.
    public static func bundled() throws -> PasswordRule {
        let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt")!
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return PasswordRule(common: Set(lines.filter { !$0.hasPrefix("#") }.map { $0.lowercased() }))
    }

    /// Creates a rule with `common` as the refused list.
    public init(common: Set<String>) {
        self.common = common
    }

    /// Why `password` is refused, or nil when it is acceptable.
    public func problem(with password: String) -> PasswordProblem? {
        if password.count < Self.minimumLength { return .tooShort(minimum: Self.minimumLength) }
        if password.utf8.count > Self.maximumBytes { return .tooLong(maximumBytes: Self.maximumBytes) }
        if common.contains(password.lowercased()) { return .common }
        if Set(password).count < 4 { return .common }
        return nil
    }
}

/// Why a password was refused.
public enum PasswordProblem: Error, Sendable, Hashable {
    /// Shorter than the minimum.
    case tooShort(minimum: Int)
    /// Longer than bcrypt can use.
    case tooLong(maximumBytes: Int)
    /// On the list of common passwords, or made of almost one character.
    case common
}
