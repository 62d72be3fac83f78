import Foundation
import OpenIMISecurity
import SQLKit

/// Gives access-log entries their place in the hash chain and Merkle tree.
///
/// A transaction that writes an entry only queues it (``enqueue(_:)``), without reading the chain's
/// head: transactions that log never wait for each other. The sequencer (``integrate(limit:)``)
/// then chains the committed queue in batches, one sequencer at a time — SQLite has one writer; on
/// PostgreSQL a transaction-scoped advisory lock is taken before the head is read and held until
/// the batch commits, so two batches can never chain to the same entry.
public struct LogChain: Sendable {
    /// The transaction to work in.
    public let sql: any SQLDatabase

    /// The advisory lock that serialises sequencers on PostgreSQL.
    static let postgresLock = 7_301_025

    /// Works in `sql`, which must be a transaction.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Queues `entry`, already written to `access_log`, for the chain.
    public func enqueue(_ entry: LogEntry) async throws {
        try await enqueue(ids: [entry.id])
    }

    /// Queues the entries `ids`, already written to `access_log`, for the chain, in their order.
    public func enqueue(ids: [String]) async throws {
        for chunk in ids.insertChunks() {
            var queue = sql.insert(into: "log_pending").columns("entry_id")
            for id in chunk { queue = queue.values(SQLBind(id)) }
            try await queue.run()
        }
    }

    /// Chains up to `limit` queued entries after the last chained one — among those whose
    /// transactions have committed, in the order they were queued — and removes them from the
    /// queue; returns how many left it. Run inside a transaction at READ COMMITTED (PostgreSQL's
    /// default), so that the statements after the lock see every batch chained before it.
    @discardableResult
    public func integrate(limit: Int = 1_000) async throws -> Int {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.postgresLock))").run()
        }
        // Whoever can write the queue could queue an entry that is chained already: it leaves the
        // queue without a second place, rather than stopping the chain on its unique entry id.
        let queued = try await sql.raw(
            """
            SELECT a.*, c.seq AS chained_at FROM log_pending p JOIN access_log a ON a.id = p.entry_id
            LEFT JOIN log_chain c ON c.entry_id = p.entry_id ORDER BY p.queued LIMIT \(literal: max(1, limit))
            """
        ).all()
        guard !queued.isEmpty else { return 0 }
        var rows: [any SQLRow] = []
        var ids: [String] = []
        for row in queued {
            if try row.decodeNil(column: "chained_at") {
                rows.append(row)
            } else {
                ids.append(try row.decode(column: "id", as: String.self))
            }
        }
        let head = try await sql.raw("SELECT seq, entry_hash FROM log_chain ORDER BY seq DESC LIMIT 1").first()
        var sequence = try head.map { try $0.decode(column: "seq", as: Int64.self) + 1 } ?? 0
        var previous = try head?.decode(column: "entry_hash", as: String.self) ?? LogEntry.origin
        var insert = sql.insert(into: "log_chain").columns("seq", "entry_id", "entry_hash")
        for row in rows {
            let entry = try LogEntry(accessLogRow: row, sequence: sequence, previous: previous)
            previous = ContentDigest.hex(entry.hash)
            insert = insert.values(SQLBind(sequence), SQLBind(entry.id), SQLBind(previous))
            ids.append(entry.id)
            sequence += 1
        }
        if !rows.isEmpty { try await insert.run() }
        try await sql.delete(from: "log_pending").where("entry_id", .in, ids).run()
        return queued.count
    }

    /// How many entries wait in the queue, and the time of the oldest, in seconds since 1970.
    public func queued() async throws -> (count: Int64, oldest: Int64?) {
        let row = try await sql.raw(
            "SELECT COUNT(*) AS n, MIN(a.at) AS oldest FROM log_pending p JOIN access_log a ON a.id = p.entry_id"
        ).first()
        return (try row?.decode(column: "n", as: Int64.self) ?? 0, try row?.decode(column: "oldest", as: Int64?.self))
    }

    /// The leaf hashes of the chained entries from position `first` on, in order; a gap or a
    /// malformed hash is a corrupt row. At most `limit` are read.
    public func leafHashes(from first: Int64, limit: Int64 = .max) async throws -> [MerkleTree.Hash] {
        let (end, overflow) = first.addingReportingOverflow(limit)
        let rows = try await sql.raw(
            "SELECT seq, entry_hash FROM log_chain WHERE seq >= \(bind: first) AND seq < \(bind: overflow ? Int64.max : end) ORDER BY seq"
        ).all()
        var hashes: [MerkleTree.Hash] = []
        hashes.reserveCapacity(rows.count)
        for row in rows {
            let position = first + Int64(hashes.count)
            guard try row.decode(column: "seq", as: Int64.self) == position,
                let hash = ContentDigest.bytes(hex: try row.decode(column: "entry_hash", as: String.self)), hash.count == 32
            else { throw PersistenceError.corruptRow(table: "log_chain", key: "\(position)") }
            hashes.append(hash)
        }
        return hashes
    }

    /// Queues the access-log entries that are neither chained nor queued — those written before
    /// the chain existed — oldest first; returns how many.
    public func queueUnchained() async throws -> Int {
        let ids = try await sql.raw(
            """
            SELECT a.id FROM access_log a WHERE NOT EXISTS (SELECT 1 FROM log_chain c WHERE c.entry_id = a.id)
            AND NOT EXISTS (SELECT 1 FROM log_pending p WHERE p.entry_id = a.id) ORDER BY a.at, a.id
            """
        ).all().map { try $0.decode(column: "id", as: String.self) }
        for start in stride(from: 0, to: ids.count, by: 500) {
            var insert = sql.insert(into: "log_pending").columns("entry_id")
            for id in ids[start..<min(start + 500, ids.count)] { insert = insert.values(SQLBind(id)) }
            try await insert.run()
        }
        return ids.count
    }
}

extension LogEntry {
    /// The entry for an `access_log` row, placed at `sequence` after `previous`.
    init(accessLogRow row: any SQLRow, sequence: Int64, previous: String) throws {
        self.init(
            sequence: sequence, id: try row.decode(column: "id", as: String.self), at: try row.decode(column: "at", as: Int64.self),
            user: try row.decode(column: "user_id", as: String.self),
            organisation: try row.decode(column: "organisation_id", as: String.self),
            request: try row.decode(column: "request_id", as: String.self), operation: try row.decode(column: "operation", as: String.self),
            purpose: try row.decode(column: "purpose", as: String.self),
            fields: try JSONText.decodeStrings(try row.decode(column: "fields", as: String.self)),
            digest: try row.decode(column: "content_digest", as: String?.self), previous: previous)
    }
}
