import Crypto
import Foundation

/// A private note key: signs a log's checkpoints (Ed25519, type 0x01) or, as a witness,
/// cosigns them (`cosignature/v1`, type 0x04).
public struct NoteSigner: Sendable {
    /// The matching public key.
    public let verifier: NoteVerifier
    private let key: Curve25519.Signing.PrivateKey

    /// A signer for `key` named `name`.
    public init(name: String, type: NoteKeyType, key: Curve25519.Signing.PrivateKey) throws(NoteError) {
        verifier = try NoteVerifier(name: name, type: type, publicKey: key.publicKey)
        self.key = key
    }

    /// The key's name.
    public var name: String { verifier.name }

    /// The signature line over `text` (a note's text, with its final newline). A cosigner signs
    /// `cosignature/v1`, `time <timestamp>` and `text`, and the line carries the timestamp.
    public func sign(_ text: String, timestamp requested: Int64 = 0) throws -> NoteSignature {
        let timestamp = max(0, requested)
        switch verifier.type {
        case .ed25519:
            return NoteSignature(name: name, keyID: verifier.keyID, bytes: Array(try key.signature(for: Data(text.utf8))))
        case .cosignature:
            let message = NoteVerifier.cosignedMessage(text, timestamp: timestamp)
            let time = (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(timestamp) >> (UInt64($0) * 8)) }
            return NoteSignature(name: name, keyID: verifier.keyID, bytes: time + Array(try key.signature(for: Data(message.utf8))))
        }
    }
}
