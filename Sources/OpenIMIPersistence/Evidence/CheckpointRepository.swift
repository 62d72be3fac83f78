import OpenIMISecurity
import SQLKit

/// The signed checkpoints of the access log, with the tree frontier each was computed from.
public struct CheckpointRepository: Sendable {
    /// The database or transaction to use.
    public let sql: any SQLDatabase

    /// Reads and writes through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The checkpoint covering the most entries, with its frontier.
    public func latest() async throws -> (checkpoint: LogCheckpoint, frontier: MerkleFrontier)? {
        guard let row = try await sql.raw("SELECT * FROM log_checkpoint ORDER BY tree_size DESC LIMIT 1").first() else { return nil }
        let checkpoint = try Self.checkpoint(row)
        let hashes = try JSONText.decode([String].self, from: try row.decode(column: "frontier", as: String.self)).compactMap {
            ContentDigest.bytes(hex: $0)
        }
        guard let frontier = MerkleFrontier(size: checkpoint.treeSize, hashes: hashes) else {
            throw PersistenceError.corruptRow(table: "log_checkpoint", key: "\(checkpoint.treeSize)")
        }
        return (checkpoint, frontier)
    }

    /// Every checkpoint, smallest tree first.
    public func all() async throws -> [LogCheckpoint] {
        try await sql.raw("SELECT * FROM log_checkpoint ORDER BY tree_size").all().map(Self.checkpoint)
    }

    /// Stores `checkpoint` unless one of the same size exists (another instance was first).
    public func insert(_ checkpoint: LogCheckpoint, frontier: MerkleFrontier) async throws {
        try await sql.insert(into: "log_checkpoint").columns("tree_size", "root_hash", "frontier", "at", "key_id", "signature")
            .values(
                SQLBind(checkpoint.treeSize), SQLBind(ContentDigest.hex(checkpoint.rootHash)),
                SQLBind(JSONText.encode(frontier.hashes.map(ContentDigest.hex))), SQLBind(checkpoint.at), SQLBind(checkpoint.keyID),
                SQLBind(ContentDigest.hex(checkpoint.signature))
            )
            .ignoringConflicts(with: "tree_size").run()
    }

    static func checkpoint(_ row: any SQLRow) throws -> LogCheckpoint {
        let size = try row.decode(column: "tree_size", as: Int64.self)
        guard let root = ContentDigest.bytes(hex: try row.decode(column: "root_hash", as: String.self)),
            let signature = ContentDigest.bytes(hex: try row.decode(column: "signature", as: String.self))
        else { throw PersistenceError.corruptRow(table: "log_checkpoint", key: "\(size)") }
        return LogCheckpoint(
            treeSize: size, rootHash: root, at: try row.decode(column: "at", as: Int64.self),
            keyID: try row.decode(column: "key_id", as: String.self), signature: signature)
    }
}
