import Crypto

/// The Merkle tree of RFC 6962 §2.1 (RFC 9162 §2.1): SHA-256, leaves hashed with a 0x00 prefix and
/// interior nodes with 0x01, the left subtree always the largest power of two smaller than the
/// tree. Roots, inclusion proofs and consistency proofs over leaf hashes, and their verification.
///
/// The access log's entries are its leaves: a checkpoint signs a root, an inclusion proof shows an
/// entry is under it, and a consistency proof shows a later tree extends an earlier one unchanged.
public enum MerkleTree {
    /// A SHA-256 value, 32 bytes.
    public typealias Hash = [UInt8]

    /// The root of the empty tree: SHA-256 of nothing.
    public static let emptyRoot: Hash = Array(SHA256.hash(data: [UInt8]()))

    /// The leaf hash of an entry: SHA-256(0x00 ‖ data).
    public static func leafHash(_ data: some Sequence<UInt8>) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0])
        hasher.update(data: Array(data))
        return Array(hasher.finalize())
    }

    /// An interior node: SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [1])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The root of the tree over `leaves` (leaf hashes, in order).
    public static func root(_ leaves: [Hash]) -> Hash {
        leaves.isEmpty ? emptyRoot : subtreeRoot(leaves[...])
    }

    /// The audit path showing that leaf `index` is in the tree over `leaves`.
    public static func inclusionProof(index: Int, _ leaves: [Hash]) -> [Hash] {
        precondition(index >= 0 && index < leaves.count, "leaf index outside the tree")
        return path(index, leaves[...])
    }

    /// The proof that the tree over `leaves` extends its first `size` leaves unchanged.
    public static func consistencyProof(from size: Int, _ leaves: [Hash]) -> [Hash] {
        precondition(size >= 0 && size <= leaves.count, "earlier tree larger than the tree")
        guard size > 0, size < leaves.count else { return [] }
        return subproof(size, leaves[...], complete: true)
    }

    /// Whether `proof` shows `leaf` at `index` in the tree of `treeSize` leaves with `root` (RFC 9162 §2.1.3.2).
    public static func verifyInclusion(leaf: Hash, index: Int, treeSize: Int, proof: [Hash], root: Hash) -> Bool {
        guard index >= 0, index < treeSize else { return false }
        var fn = index, sn = treeSize - 1
        var hash = leaf
        for sibling in proof {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                hash = nodeHash(sibling, hash)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                hash = nodeHash(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && hash == root
    }

    /// Whether `proof` shows that the tree of `newSize` leaves with `newRoot` extends the tree of
    /// `oldSize` leaves with `oldRoot` (RFC 9162 §2.1.4.2).
    public static func verifyConsistency(oldSize: Int, oldRoot: Hash, newSize: Int, newRoot: Hash, proof: [Hash]) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == emptyRoot }
        guard !proof.isEmpty else { return false }
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldHash = path[0], newHash = path[0]
        for sibling in path.dropFirst() {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                oldHash = nodeHash(sibling, oldHash)
                newHash = nodeHash(sibling, newHash)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                newHash = nodeHash(newHash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldHash == oldRoot && newHash == newRoot
    }

    /// The largest power of two smaller than `count` (count ≥ 2): the size of the left subtree.
    static func split(_ count: Int) -> Int {
        var k = 1
        while k << 1 < count { k <<= 1 }
        return k
    }

    private static func subtreeRoot(_ leaves: ArraySlice<Hash>) -> Hash {
        if leaves.count == 1 { return leaves[leaves.startIndex] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        return nodeHash(subtreeRoot(leaves[..<middle]), subtreeRoot(leaves[middle...]))
    }

    private static func path(_ index: Int, _ leaves: ArraySlice<Hash>) -> [Hash] {
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if index < k { return path(index, leaves[..<middle]) + [subtreeRoot(leaves[middle...])] }
        return path(index - k, leaves[middle...]) + [subtreeRoot(leaves[..<middle])]
    }

    private static func subproof(_ size: Int, _ leaves: ArraySlice<Hash>, complete: Bool) -> [Hash] {
        if size == leaves.count { return complete ? [] : [subtreeRoot(leaves)] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if size <= k { return subproof(size, leaves[..<middle], complete: complete) + [subtreeRoot(leaves[middle...])] }
        return subproof(size - k, leaves[middle...], complete: false) + [subtreeRoot(leaves[..<middle])]
    }
}
