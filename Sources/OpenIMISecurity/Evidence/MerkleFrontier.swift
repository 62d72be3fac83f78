/// The right edge of an RFC 6962 Merkle tree: the roots of its perfect subtrees, largest first.
///
/// It is all that is needed to append leaves and compute the root, so a checkpoint stores it and
/// the next checkpoint continues from there instead of rehashing the whole log.
public struct MerkleFrontier: Sendable, Equatable {
    /// The number of leaves.
    public private(set) var size: Int64
    /// The perfect subtrees' roots, one per set bit of `size`, largest subtree first.
    public private(set) var hashes: [MerkleTree.Hash]

    /// The frontier of the empty tree.
    public init() {
        size = 0
        hashes = []
    }

    /// A frontier read back from storage; nil when the hashes do not fit `size`.
    public init?(size: Int64, hashes: [MerkleTree.Hash]) {
        guard size >= 0, size.nonzeroBitCount == hashes.count, hashes.allSatisfy({ $0.count == 32 }) else { return nil }
        self.size = size
        self.hashes = hashes
    }

    /// Appends the leaf whose leaf hash is `leaf`; returns the perfect subtrees this completes with
    /// their roots, the leaf itself (height 0) first and the largest last.
    @discardableResult
    public mutating func append(leafHash leaf: MerkleTree.Hash) -> [(subtree: MerkleTree.Subtree, root: MerkleTree.Hash)] {
        var node = leaf
        var height = 0
        var completed = [(subtree: MerkleTree.Subtree(height: 0, position: size), root: leaf)]
        // Each trailing 1 bit of the old size is a subtree of the new leaf's height to merge with.
        while (size >> height) & 1 == 1 {
            node = MerkleTree.nodeHash(hashes.removeLast(), node)
            height += 1
            completed.append((MerkleTree.Subtree(height: height, position: size >> Int64(height)), node))
        }
        hashes.append(node)
        size += 1
        return completed
    }

    /// The tree's root hash (RFC 6962 MTH).
    public var root: MerkleTree.Hash {
        guard var node = hashes.last else { return MerkleTree.emptyRoot }
        for hash in hashes.dropLast().reversed() { node = MerkleTree.nodeHash(hash, node) }
        return node
    }
}
