import OpenIMISecurity
import SQLKit

/// The signed checkpoints of the access log, with the tree frontier each was computed from and the
/// witnesses' cosignatures on them.
public struct CheckpointRepository: Sendable {
    /// The database or transaction to use.
    public let sql: any SQLDatabase

    /// Reads and writes through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The checkpoint covering the most entries, with its frontier and cosignatures.
    public func latest() async throws -> (checkpoint: LogCheckpoint, frontier: MerkleFrontier)? {
        guard let row = try await sql.raw("SELECT * FROM log_checkpoint ORDER BY tree_size DESC LIMIT 1").first() else { return nil }
        var checkpoint = try Self.checkpoint(row)
        for line in try await cosignatures(treeSize: checkpoint.treeSize) { checkpoint.add(cosignature: line) }
        let hashes = try JSONText.decode([String].self, from: try row.decode(column: "frontier", as: String.self)).compactMap {
            ContentDigest.bytes(hex: $0)
        }
        guard let frontier = MerkleFrontier(size: checkpoint.treeSize, hashes: hashes) else {
            throw PersistenceError.corruptRow(table: "log_checkpoint", key: "\(checkpoint.treeSize)")
        }
        return (checkpoint, frontier)
    }

    /// Whether a checkpoint of `treeSize` entries was signed.
    public func exists(treeSize: Int64) async throws -> Bool {
        try await sql.raw("SELECT 1 AS one FROM log_checkpoint WHERE tree_size = \(bind: treeSize)").first() != nil
    }

    /// Every checkpoint with its cosignatures, smallest tree first.
    public func all() async throws -> [LogCheckpoint] {
        var lines: [Int64: [NoteSignature]] = [:]
        for row in try await sql.raw("SELECT tree_size, line FROM log_cosignature ORDER BY tree_size, witness").all() {
            lines[try row.decode(column: "tree_size", as: Int64.self), default: []].append(try Self.cosignature(row))
        }
        return try await sql.raw("SELECT * FROM log_checkpoint ORDER BY tree_size").all().map { row in
            var checkpoint = try Self.checkpoint(row)
            for line in lines[checkpoint.treeSize] ?? [] { checkpoint.add(cosignature: line) }
            return checkpoint
        }
    }

    /// Stores `checkpoint` unless one of the same size exists (another instance was first).
    public func insert(_ checkpoint: LogCheckpoint, frontier: MerkleFrontier) async throws {
        try await sql.insert(into: "log_checkpoint").columns("tree_size", "root_hash", "frontier", "at", "key_id", "signature", "note")
            .values(
                SQLBind(checkpoint.treeSize), SQLBind(ContentDigest.hex(checkpoint.rootHash)),
                SQLBind(JSONText.encode(frontier.hashes.map(ContentDigest.hex))), SQLBind(checkpoint.at), SQLBind(checkpoint.keyID),
                SQLBind(checkpoint.legacySignature.map(ContentDigest.hex) ?? ""), SQLBind(checkpoint.note?.serialized)
            )
            .ignoringConflicts(with: "tree_size").run()
    }

    /// Stores witness `witness`'s cosignature on the checkpoint of `treeSize`, received at `at`.
    public func insert(cosignature: NoteSignature, treeSize: Int64, at: Int64) async throws {
        try await sql.insert(into: "log_cosignature").columns("tree_size", "witness", "line", "received_at")
            .values(SQLBind(treeSize), SQLBind(cosignature.name), SQLBind(cosignature.line), SQLBind(at))
            .ignoringConflicts(with: ["tree_size", "witness"]).run()
    }

    /// The cosignatures on the checkpoint of `treeSize`.
    public func cosignatures(treeSize: Int64) async throws -> [NoteSignature] {
        try await sql.raw("SELECT tree_size, line FROM log_cosignature WHERE tree_size = \(bind: treeSize) ORDER BY witness").all()
            .map(Self.cosignature)
    }

    /// The largest checkpoint each witness cosigned, by witness name.
    public func lastCosigned() async throws -> [String: (treeSize: Int64, at: Int64)] {
        let rows = try await sql.raw(
            "SELECT witness, MAX(tree_size) AS size, MAX(received_at) AS at FROM log_cosignature GROUP BY witness"
        ).all()
        var result: [String: (treeSize: Int64, at: Int64)] = [:]
        for row in rows {
            result[try row.decode(column: "witness", as: String.self)] = (
                try row.decode(column: "size", as: Int64.self), try row.decode(column: "at", as: Int64.self)
            )
        }
        return result
    }

    static func checkpoint(_ row: any SQLRow) throws -> LogCheckpoint {
        let size = try row.decode(column: "tree_size", as: Int64.self)
        let at = try row.decode(column: "at", as: Int64.self)
        let keyID = try row.decode(column: "key_id", as: String.self)
        if let text = try row.decode(column: "note", as: String?.self) {
            guard let note = try? SignedNote(parsing: text), let checkpoint = try? LogCheckpoint(note: note, at: at, keyID: keyID),
                checkpoint.treeSize == size
            else { throw PersistenceError.corruptRow(table: "log_checkpoint", key: "\(size)") }
            return checkpoint
        }
        guard let root = ContentDigest.bytes(hex: try row.decode(column: "root_hash", as: String.self)),
            let signature = ContentDigest.bytes(hex: try row.decode(column: "signature", as: String.self))
        else { throw PersistenceError.corruptRow(table: "log_checkpoint", key: "\(size)") }
        return LogCheckpoint(legacy: size, rootHash: root, at: at, keyID: keyID, signature: signature)
    }

    static func cosignature(_ row: any SQLRow) throws -> NoteSignature {
        let size = try row.decode(column: "tree_size", as: Int64.self)
        guard let note = try? SignedNote(parsing: "x\n\n" + (try row.decode(column: "line", as: String.self))),
            let line = note.signatures.first
        else { throw PersistenceError.corruptRow(table: "log_cosignature", key: "\(size)") }
        return line
    }
}
