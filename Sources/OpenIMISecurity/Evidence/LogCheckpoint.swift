import Crypto
import Foundation

/// A signed statement of the access log's Merkle tree at one size: what every later proof and
/// verification is checked against.
///
/// It is a c2sp.org/tlog-checkpoint: a signed note whose text is the log's origin, the tree size
/// and the root hash, signed by the log's Ed25519 note key (derived from the platform signing key
/// ``keyID``) and, once witnesses have checked it, cosigned by them. Checkpoints signed before the
/// note format carry an ECDSA signature over OpenIMI's earlier five-line text instead (``legacySignature``).
public struct LogCheckpoint: Sendable, Equatable {
    /// The number of entries covered.
    public let treeSize: Int64
    /// The Merkle root (RFC 6962) of those entries.
    public let rootHash: MerkleTree.Hash
    /// When it was signed, in seconds since 1970.
    public let at: Int64
    /// The id of the platform signing key whose note key signed it (see ``SigningIdentity/keyID``).
    public let keyID: String
    /// The checkpoint as a signed note, with the cosignatures gathered so far; nil for a legacy checkpoint.
    public private(set) var note: SignedNote?
    /// The DER ECDSA signature of a checkpoint signed before the note format.
    public let legacySignature: [UInt8]?

    /// A checkpoint in the note format.
    public init(note: SignedNote, at: Int64, keyID: String) throws(NoteError) {
        let head = try TreeHead(text: note.text)
        treeSize = head.size
        rootHash = head.rootHash
        self.at = at
        self.keyID = keyID
        self.note = note
        legacySignature = nil
    }

    /// A checkpoint signed before the note format, as read back from storage.
    public init(legacy treeSize: Int64, rootHash: MerkleTree.Hash, at: Int64, keyID: String, signature: [UInt8]) {
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.at = at
        self.keyID = keyID
        note = nil
        legacySignature = signature
    }

    /// Signs the tree of `treeSize` entries with root `rootHash` as log `origin`, at `at`, with
    /// `identity`'s note key.
    public static func sign(
        treeSize: Int64, rootHash: MerkleTree.Hash, origin: String, at: Int64, with identity: SigningIdentity
    ) throws -> LogCheckpoint {
        let head = TreeHead(origin: origin, size: treeSize, rootHash: rootHash)
        let signer = try identity.noteSigner(origin: origin)
        let note = SignedNote(text: head.text, signatures: [try signer.sign(head.text)])
        return try LogCheckpoint(note: note, at: at, keyID: identity.keyID)
    }

    /// The tree head the note states; nil for a legacy checkpoint.
    public var head: TreeHead? { note.flatMap { try? TreeHead(text: $0.text) } }

    /// Whether the log key `logKey` signed the note.
    public func isSigned(by logKey: NoteVerifier) -> Bool { note?.isSigned(by: logKey) ?? false }

    /// Whether a legacy checkpoint's signature is `publicKey`'s over the five lines it signed.
    public func isLegacySigned(by publicKey: P256.Signing.PublicKey) -> Bool {
        guard let legacySignature, let signature = try? P256.Signing.ECDSASignature(derRepresentation: legacySignature) else {
            return false
        }
        let text = "OpenIMI access log checkpoint\n\(treeSize)\n\(ContentDigest.hex(rootHash))\n\(at)\n\(keyID)\n"
        return publicKey.isValidSignature(signature, for: Data(text.utf8))
    }

    /// Adds a witness's cosignature line.
    public mutating func add(cosignature: NoteSignature) {
        note?.add(cosignature)
    }
}
