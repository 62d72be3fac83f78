import OpenIMISecurity
import SQLKit

/// Inclusion proofs for access-log entries against a checkpoint, read from the stored roots of
/// the tree's perfect subtrees (256 leaves and more) and at most a few hundred entry hashes, so a
/// proof costs the same in a log of a thousand entries as in one of millions.
public struct LogProofs: Sendable {
    /// The smallest subtree height whose root is stored (2^8 = 256 leaves).
    public static let storedHeight = 8

    /// The database or transaction to use.
    public let sql: any SQLDatabase

    /// Reads and writes through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The audit path of entry `sequence` in the tree of the first `treeSize` entries; the
    /// subtrees it needs must have been stored (by the checkpoint that covers `treeSize`).
    public func inclusionProof(sequence: Int64, treeSize: Int64) async throws -> [MerkleTree.Hash] {
        try await MerkleTree.inclusionProof(index: sequence, size: treeSize) { subtree in
            try await root(of: subtree)
        }
    }

    /// The consistency proof from the tree of the first `old` entries to that of the first
    /// `treeSize`, from the stored subtrees, those in `pending` (completed by a checkpoint not yet
    /// stored) and entry hashes.
    public func consistencyProof(
        from old: Int64, to treeSize: Int64, pending: [MerkleTree.Subtree: MerkleTree.Hash] = [:]
    ) async throws -> [MerkleTree.Hash] {
        try await MerkleTree.consistencyProof(from: old, size: treeSize) { subtree in
            if let root = pending[subtree] { return root }
            return try await root(of: subtree)
        }
    }

    /// Stores subtree roots the checkpointer completed; ones already stored are kept.
    public func store(_ subtrees: [(subtree: MerkleTree.Subtree, root: MerkleTree.Hash)]) async throws {
        for start in stride(from: 0, to: subtrees.count, by: 500) {
            var insert = sql.insert(into: "log_subtree").columns("height", "position", "hash")
            for (subtree, root) in subtrees[start..<min(start + 500, subtrees.count)] {
                insert = insert.values(SQLBind(subtree.height), SQLBind(subtree.position), SQLBind(ContentDigest.hex(root)))
            }
            try await insert.ignoringConflicts(with: ["height", "position"]).run()
        }
    }

    private func root(of subtree: MerkleTree.Subtree) async throws -> MerkleTree.Hash {
        if subtree.height >= Self.storedHeight {
            guard
                let row = try await sql.raw(
                    "SELECT hash FROM log_subtree WHERE height = \(bind: subtree.height) AND position = \(bind: subtree.position)"
                ).first(),
                let hash = ContentDigest.bytes(hex: try row.decode(column: "hash", as: String.self))
            else { throw PersistenceError.corruptRow(table: "log_subtree", key: "\(subtree.height)/\(subtree.position)") }
            return hash
        }
        let rows = try await sql.raw(
            """
            SELECT entry_hash FROM log_chain WHERE seq >= \(bind: subtree.firstLeaf) AND seq < \(bind: subtree.firstLeaf + subtree.leafCount)
            ORDER BY seq
            """
        ).all()
        let leaves = try rows.compactMap { ContentDigest.bytes(hex: try $0.decode(column: "entry_hash", as: String.self)) }
        guard leaves.count == Int(subtree.leafCount) else {
            throw PersistenceError.corruptRow(table: "log_chain", key: "\(subtree.firstLeaf)")
        }
        return MerkleTree.root(leaves)
    }
}
