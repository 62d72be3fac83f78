extension MerkleTree {
    /// A perfect subtree: the 2^`height` leaves from `position` · 2^`height` on.
    public struct Subtree: Sendable, Hashable {
        /// log2 of the number of leaves.
        public let height: Int
        /// Its index among the subtrees of that height, from the left.
        public let position: Int64

        /// The subtree of 2^`height` leaves starting at leaf `position` · 2^`height`.
        public init(height: Int, position: Int64) {
            self.height = height
            self.position = position
        }

        /// The first leaf it covers.
        public var firstLeaf: Int64 { position << Int64(height) }
        /// The number of leaves it covers.
        public var leafCount: Int64 { 1 << Int64(height) }
    }

    /// The audit path of leaf `index` in a tree of `size` leaves (the same as
    /// ``inclusionProof(index:_:)``), computed from perfect subtree roots that `subtree` supplies,
    /// so that a long log need not be read whole: each path element is one perfect subtree or, on the
    /// tree's right edge, a few.
    public static func inclusionProof(
        index: Int64, size: Int64, subtree: (Subtree) async throws -> Hash
    ) async rethrows -> [Hash] {
        precondition(index >= 0 && index < size, "leaf index outside the tree")
        var proof: [Hash] = []
        // RFC 6962 §2.1.1 PATH, from the root down, collected leaf-first.
        var start: Int64 = 0
        var count = size
        var index = index
        var siblings: [(Int64, Int64)] = []
        while count > 1 {
            let k = Int64(split(Int(count)))
            if index < k {
                siblings.append((start + k, count - k))
                count = k
            } else {
                siblings.append((start, k))
                start += k
                index -= k
                count -= k
            }
        }
        for (first, length) in siblings.reversed() { proof.append(try await rangeRoot(first: first, count: length, subtree: subtree)) }
        return proof
    }

    /// MTH of the `count` leaves from `first` on, where that range is a perfect subtree or the right
    /// edge of the tree (a run of perfect subtrees, largest first).
    static func rangeRoot(first: Int64, count: Int64, subtree: (Subtree) async throws -> Hash) async rethrows -> Hash {
        if count & (count - 1) == 0 {
            let height = count.trailingZeroBitCount
            return try await subtree(Subtree(height: height, position: first >> Int64(height)))
        }
        let k = Int64(split(Int(count)))
        let left = try await rangeRoot(first: first, count: k, subtree: subtree)
        let right = try await rangeRoot(first: first + k, count: count - k, subtree: subtree)
        return nodeHash(left, right)
    }
}

extension MerkleTree {
    /// The consistency proof from the tree of `old` leaves to the tree of `size` leaves (RFC 6962
    /// §2.1.2 SUBPROOF, the same as ``consistencyProof(from:_:)``), from perfect subtree roots that
    /// `subtree` supplies.
    public static func consistencyProof(
        from old: Int64, size: Int64, subtree: (Subtree) async throws -> Hash
    ) async rethrows -> [Hash] {
        precondition(old >= 0 && old <= size, "earlier tree larger than the tree")
        guard old > 0, old < size else { return [] }
        var start: Int64 = 0
        var count = size
        var remaining = old
        var complete = true
        // SUBPROOF appends each level's sibling after the deeper levels' proof: collect, then reverse.
        var siblings: [(Int64, Int64)] = []
        while remaining != count {
            let k = Int64(split(Int(count)))
            if remaining <= k {
                siblings.append((start + k, count - k))
                count = k
            } else {
                siblings.append((start, k))
                start += k
                remaining -= k
                count -= k
                complete = false
            }
        }
        var proof: [Hash] = []
        if !complete { proof.append(try await rangeRoot(first: start, count: count, subtree: subtree)) }
        for (first, length) in siblings.reversed() { proof.append(try await rangeRoot(first: first, count: length, subtree: subtree)) }
        return proof
    }
}
