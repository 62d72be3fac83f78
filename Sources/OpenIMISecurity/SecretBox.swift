import Crypto
import Foundation

/// Encrypts small secrets at rest (such as one-time-code secrets) with AES-256-GCM.
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    /// Uses a 32-byte key.
    public init(keyBytes: [UInt8]) throws(SecretBoxError) {
        guard keyBytes.count == 32 else { throw .invalidKeyLength(keyBytes.count) }
        self.key = SymmetricKey(data: keyBytes)
    }

    /// Reads the base64 key from `environment` when set, else from `file`, creating the file with a new
    /// key and owner-only permissions when it does not exist.
    public static func load(environmentValue: String?, file: URL, random: some SecureRandom) throws -> SecretBox {
        try SecretBox(keyBytes: try KeyFile.load(environmentValue: environmentValue, file: file, random: random))
    }

    /// `plaintext` sealed as base64 (nonce, ciphertext and tag).
    public func seal(_ plaintext: String) throws -> String {
        try AES.GCM.seal(Data(plaintext.utf8), using: key).combined!.base64EncodedString()
    }

    /// The prefix of a keyed digest, telling it from the plain SHA-256 stored before.
    public static let digestPrefix = "k1:"

    /// A keyed digest of `value` (HMAC-SHA256 under a key derived from this one, hex, behind
    /// `digestPrefix`): whoever reads the database without the key cannot test guesses against it.
    public func digest(_ value: String) -> String {
        Self.digestPrefix + KeyedDigest.hex(value, key: key, purpose: "openimi keyed digest v1")
    }

    /// The plaintext of a value made by `seal`; throws when it was altered or sealed with another key.
    public func open(_ sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw SecretBoxError.malformedCiphertext }
        return String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key), as: UTF8.self)
    }
}

/// Why a secret box could not be made or opened.
public enum SecretBoxError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidKeyLength(Int), malformedKey, malformedCiphertext, cannotCreate(String), cannotRead(String)
    /// The key file at this path can be read by its group or by others.
    case insecurePermissions(String)

    public var description: String {
        switch self {
        case .invalidKeyLength(let count): "The secret key must be 32 bytes, got \(count)"
        case .malformedKey: "A key must be 32 bytes in base64"
        case .malformedCiphertext: "A sealed secret is not valid base64"
        case .cannotCreate(let path): "Cannot create the key file \(path)"
        case .cannotRead(let path): "Cannot read the key file \(path)"
        case .insecurePermissions(let path):
            "The key file \(path) can be read by its group or by others: make it owner-only (chmod 600 \(path)), "
                + "and treat the key as disclosed if anyone else could have read it"
        }
    }
}
