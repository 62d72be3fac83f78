import Foundation

/// Why the platform's signing key cannot be used or changed.
public enum SigningKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file the key directory should hold is not there.
    case missing(path: String)
    /// A file is there but cannot be read or parsed.
    case unreadable(path: String, reason: String)
    /// Group or others may read the key directory or a key file.
    case insecurePermissions(path: String)
    /// The certificate is for another public key than the one it is paired with.
    case certificateForAnotherKey
    /// The certificate is not valid at the given time.
    case certificateNotValid(notBefore: Date, notAfter: Date)
    /// No key with this id is in the directory.
    case unknownKey(String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path) is missing; the server creates the signing key on its first start."
        case .unreadable(let path, let reason): "\(path) cannot be read: \(reason)."
        case .insecurePermissions(let path):
            "\(path) may be read by other users; allow the owner only (chmod 700 for the directory, 600 for files)."
        case .certificateForAnotherKey: "The certificate is not for the platform's current signing key."
        case .certificateNotValid(let notBefore, let notAfter):
            "The certificate is valid from \(notBefore) to \(notAfter), not now."
        case .unknownKey(let id): "No signing key with id \(id)."
        }
    }
}
