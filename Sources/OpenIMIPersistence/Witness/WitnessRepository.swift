import Foundation
import OpenIMISecurity
import SQLKit

/// A witness's state: for each log, the latest checkpoint it cosigned; and the submissions it
/// refused that may prove a log's misbehaviour (forks, inconsistent proofs).
public struct WitnessRepository: Sendable {
    /// What the witness holds for one log.
    public struct LogState: Sendable, Hashable {
        /// The size of the latest cosigned checkpoint.
        public let size: Int64
        /// Its root.
        public let rootHash: MerkleTree.Hash
        /// The checkpoint as the log signed it.
        public let note: String
    }

    /// A refused submission kept as evidence.
    public struct Refusal: Sendable, Hashable {
        /// When, in seconds since 1970.
        public let at: Int64
        /// The log.
        public let origin: String
        /// The old size the log claimed.
        public let oldSize: Int64
        /// The submitted checkpoint's size.
        public let treeSize: Int64
        /// `fork`: another tree of the size already cosigned.
        public let reason: String
        /// The submitted checkpoint, signed by the log: the proof of what it showed.
        public let note: String
        /// The checkpoint of that size the witness had cosigned, also signed by the log.
        public let cosignedNote: String

        /// A refusal from its parts.
        public init(at: Int64, origin: String, oldSize: Int64, treeSize: Int64, reason: String, note: String, cosignedNote: String) {
            self.at = at
            self.origin = origin
            self.oldSize = oldSize
            self.treeSize = treeSize
            self.reason = reason
            self.note = note
            self.cosignedNote = cosignedNote
        }
    }

    /// The transaction or database to use.
    public let sql: any SQLDatabase

    /// Reads and writes through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The latest checkpoint cosigned for `origin`, if any.
    public func state(of origin: String) async throws -> LogState? {
        guard let row = try await sql.raw("SELECT tree_size, root_hash, note FROM witness_log WHERE origin = \(bind: origin)").first()
        else {
            return nil
        }
        let size = try row.decode(column: "tree_size", as: Int64.self)
        guard let root = Base64.decode(try row.decode(column: "root_hash", as: String.self)), root.count == 32 else {
            throw PersistenceError.corruptRow(table: "witness_log", key: origin)
        }
        return LogState(size: size, rootHash: root, note: try row.decode(column: "note", as: String.self))
    }

    /// Records `note` (of `head`) as the latest cosigned checkpoint of its log.
    public func save(_ head: TreeHead, note: SignedNote, at: Int64) async throws {
        try await sql.raw(
            """
            INSERT INTO witness_log (origin, tree_size, root_hash, note, updated_at)
            VALUES (\(bind: head.origin), \(bind: head.size), \(bind: Base64.encode(head.rootHash)), \(bind: note.serialized), \(bind: at))
            ON CONFLICT (origin) DO UPDATE SET tree_size = excluded.tree_size, root_hash = excluded.root_hash,
                note = excluded.note, updated_at = excluded.updated_at
            """
        ).run()
    }

    /// Keeps a refused submission.
    public func record(_ refusal: Refusal) async throws {
        try await sql.insert(into: "witness_refusal").columns(
            "id", "at", "origin", "old_size", "tree_size", "reason", "note", "cosigned_note"
        )
        .values(
            SQLBind(UUID().uuidString.lowercased()), SQLBind(refusal.at), SQLBind(refusal.origin), SQLBind(refusal.oldSize),
            SQLBind(refusal.treeSize), SQLBind(refusal.reason), SQLBind(refusal.note), SQLBind(refusal.cosignedNote)
        ).run()
    }

    /// The refusals kept, newest first.
    public func refusals(limit: Int = 100) async throws -> [Refusal] {
        try await sql.raw("SELECT * FROM witness_refusal ORDER BY at DESC LIMIT \(literal: limit)").all().map {
            Refusal(
                at: try $0.decode(column: "at", as: Int64.self), origin: try $0.decode(column: "origin", as: String.self),
                oldSize: try $0.decode(column: "old_size", as: Int64.self), treeSize: try $0.decode(column: "tree_size", as: Int64.self),
                reason: try $0.decode(column: "reason", as: String.self), note: try $0.decode(column: "note", as: String.self),
                cosignedNote: try $0.decode(column: "cosigned_note", as: String.self))
        }
    }
}
