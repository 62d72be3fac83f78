import Crypto
import Foundation

/// A public note key: what verifies a log's checkpoint signatures or a witness's cosignatures.
///
/// Its text form is the verifier key of c2sp.org/signed-note, `<name>+<key id, 8 hex digits>+<base64
/// of the type byte and the 32-byte Ed25519 public key>`, as Go's `sumdb/note` and the witnesses of
/// the transparency-log ecosystem write it.
public struct NoteVerifier: Sendable, Hashable, CustomStringConvertible {
    /// The key's name: for a log its origin, for a witness its name.
    public let name: String
    /// Which kind of signatures it verifies.
    public let type: NoteKeyType
    /// The Ed25519 public key, 32 bytes.
    public let publicKey: [UInt8]
    /// SHA-256(name ‖ 0x0A ‖ type ‖ public key), first four bytes, big-endian.
    public let keyID: UInt32

    /// The verifier of `publicKey` named `name`; throws when the name may not be a key name.
    public init(name: String, type: NoteKeyType, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        guard Self.isValidName(name[...]) else { throw .malformedKey("the name \"\(name)\" is empty or holds a space or a plus") }
        self.name = name
        self.type = type
        self.publicKey = Array(publicKey.rawRepresentation)
        keyID = Self.keyID(name: name, type: type, publicKey: self.publicKey)
    }

    /// Parses a verifier key in its text form (the base64 key may itself hold plus signs).
    public init(vkey text: String) throws(NoteError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 8, let id = UInt32(parts[1], radix: 16) else {
            throw .malformedKey("expected <name>+<8 hex digits>+<base64 key>")
        }
        guard let blob = Base64.decode(String(parts[2])), blob.count == 33, let type = NoteKeyType(rawValue: blob[0]),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: blob.dropFirst())
        else { throw .malformedKey("the key is not an Ed25519 key of type 0x01 or 0x04") }
        try self.init(name: String(parts[0]), type: type, publicKey: key)
        guard keyID == id else { throw .malformedKey("the key id \(parts[1]) does not match the name and key") }
    }

    /// The text form.
    public var vkey: String { "\(name)+\(Self.hex(keyID))+\(Base64.encode([type.rawValue] + publicKey))" }

    public var description: String { vkey }

    /// Whether `signature` is this key's (same name and id) over `text`; for a cosignature, the
    /// signature covers `cosignature/v1`, the timestamp it carries and `text`.
    public func verifies(_ signature: NoteSignature, over text: String) -> Bool {
        guard signature.name == name, signature.keyID == keyID,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        else { return false }
        switch type {
        case .ed25519:
            return signature.bytes.count == 64 && key.isValidSignature(signature.bytes, for: Data(text.utf8))
        case .cosignature:
            guard signature.bytes.count == 72, let timestamp = Self.timestamp(signature) else { return false }
            return key.isValidSignature(signature.bytes.dropFirst(8), for: Data(Self.cosignedMessage(text, timestamp: timestamp).utf8))
        }
    }

    /// The time a cosignature says it was made, in seconds since 1970; nil beyond 2^63 − 1.
    public static func timestamp(_ signature: NoteSignature) -> Int64? {
        guard signature.bytes.count >= 8 else { return nil }
        let value = signature.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return value <= UInt64(Int64.max) ? Int64(value) : nil
    }

    /// What a `cosignature/v1` signs: the header, the time and the cosigned note's text.
    static func cosignedMessage(_ text: String, timestamp: Int64) -> String { "cosignature/v1\ntime \(timestamp)\n\(text)" }

    /// Key names are non-empty and hold no Unicode space and no plus.
    public static func isValidName(_ name: Substring) -> Bool {
        !name.isEmpty && !name.contains("+") && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }

    static func keyID(name: String, type: NoteKeyType, publicKey: [UInt8]) -> UInt32 {
        let digest = Array(SHA256.hash(data: Array(name.utf8) + [0x0A, type.rawValue] + publicKey))
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func hex(_ id: UInt32) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
