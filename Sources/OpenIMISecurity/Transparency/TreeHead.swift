/// The text of a transparency-log checkpoint (c2sp.org/tlog-checkpoint): the log's origin, its
/// tree size and its RFC 6962 root hash, one per line.
public struct TreeHead: Sendable, Hashable {
    /// The log's name, unique among logs: `example.org/access-log`.
    public let origin: String
    /// The number of entries.
    public let size: Int64
    /// The Merkle root of those entries.
    public let rootHash: MerkleTree.Hash

    /// A tree head from its parts.
    public init(origin: String, size: Int64, rootHash: MerkleTree.Hash) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
    }

    /// Parses a checkpoint's note text; extension lines are refused (OpenIMI writes none and
    /// cosigners make no statement about them).
    public init(text: String) throws(NoteError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard text.hasSuffix("\n"), lines.count == 4, lines[3].isEmpty else {
            throw .malformedCheckpoint("expected three lines: origin, tree size, root hash")
        }
        guard !lines[0].isEmpty else { throw .malformedCheckpoint("the origin is empty") }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw .malformedCheckpoint("the tree size is not a decimal number without leading zeros")
        }
        guard let root = Base64.decode(String(lines[2])), root.count == 32 else {
            throw .malformedCheckpoint("the root hash is not 32 bytes in base64")
        }
        self.init(origin: String(lines[0]), size: size, rootHash: root)
    }

    /// The note text.
    public var text: String { "\(origin)\n\(size)\n\(Base64.encode(rootHash))\n" }
}
