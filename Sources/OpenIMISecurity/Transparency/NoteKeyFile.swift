import Crypto
import Foundation

/// A witness's private key in a file only its owner may read: the 32-byte Ed25519 seed in base64.
public struct NoteKeyFile: Sendable {
    /// The file.
    public let url: URL

    /// The key file at `url`.
    public init(url: URL) {
        self.url = url
    }

    /// The cosigning key named `name`, created (owner-only) when the file does not exist.
    public func loadOrCreate(name: String) throws -> NoteSigner {
        let key: Curve25519.Signing.PrivateKey
        if FileManager.default.fileExists(atPath: url.path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
                throw SigningKeyError.insecurePermissions(path: url.path)
            }
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let seed = Base64.decode(text), seed.count == 32,
                let parsed = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            else { throw SigningKeyError.unreadable(path: url.path, reason: "not a base64 Ed25519 seed") }
            key = parsed
        } else {
            key = Curve25519.Signing.PrivateKey()
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw SigningKeyError.unreadable(path: url.path, reason: "cannot be created") }
            defer { close(descriptor) }
            let bytes = Array((Base64.encode(key.rawRepresentation) + "\n").utf8)
            guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count, fsync(descriptor) == 0 else {
                throw SigningKeyError.unreadable(path: url.path, reason: "cannot be written")
            }
        }
        return try NoteSigner(name: name, type: .cosignature, key: key)
    }
}
