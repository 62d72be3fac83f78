import Crypto
import Foundation

/// A signed statement of the access log's Merkle tree at one size: what every later proof and
/// verification is checked against.
public struct LogCheckpoint: Sendable, Equatable {
    /// The number of entries covered.
    public let treeSize: Int64
    /// The Merkle root (RFC 6962) of those entries.
    public let rootHash: MerkleTree.Hash
    /// When it was signed, in seconds since 1970.
    public let at: Int64
    /// The id of the signing key (see ``SigningIdentity/keyID``).
    public let keyID: String
    /// The ECDSA P-256 signature over ``signedText``, DER-encoded.
    public let signature: [UInt8]

    /// Creates a checkpoint from its parts, as read back from storage.
    public init(treeSize: Int64, rootHash: MerkleTree.Hash, at: Int64, keyID: String, signature: [UInt8]) {
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.at = at
        self.keyID = keyID
        self.signature = signature
    }

    /// Signs the tree of `treeSize` entries with root `rootHash` at `at` with `identity`.
    public static func sign(treeSize: Int64, rootHash: MerkleTree.Hash, at: Int64, with identity: SigningIdentity) throws -> LogCheckpoint {
        let text = signedText(treeSize: treeSize, rootHash: rootHash, at: at, keyID: identity.keyID)
        let signature = try identity.privateKey.signature(for: Data(text.utf8))
        return LogCheckpoint(
            treeSize: treeSize, rootHash: rootHash, at: at, keyID: identity.keyID, signature: Array(signature.derRepresentation))
    }

    /// What is signed: five lines naming the log, the size, the root, the time and the key.
    public var signedText: String { Self.signedText(treeSize: treeSize, rootHash: rootHash, at: at, keyID: keyID) }

    /// Whether `signature` is `publicKey`'s over ``signedText``.
    public func isSigned(by publicKey: P256.Signing.PublicKey) -> Bool {
        guard let signature = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
        return publicKey.isValidSignature(signature, for: Data(signedText.utf8))
    }

    private static func signedText(treeSize: Int64, rootHash: MerkleTree.Hash, at: Int64, keyID: String) -> String {
        "OpenIMI access log checkpoint\n\(treeSize)\n\(ContentDigest.hex(rootHash))\n\(at)\n\(keyID)\n"
    }
}
