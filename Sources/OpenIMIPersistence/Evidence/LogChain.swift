import Foundation
import OpenIMISecurity
import SQLKit

/// Appends access-log entries to the hash chain and Merkle tree, in the caller's transaction.
///
/// Appends are serialised: SQLite has one writer; on PostgreSQL a transaction-scoped advisory lock
/// is taken before the chain's head is read and held until commit, so two transactions can never
/// chain to the same entry.
public struct LogChain: Sendable {
    /// The transaction to append in.
    public let sql: any SQLDatabase

    /// The advisory lock that serialises appends on PostgreSQL.
    static let postgresLock = 7_301_025

    /// Appends in `sql`, which must be a transaction.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Chains `entry` (whose `sequence` and `previous` are filled in here) after the last entry.
    @discardableResult
    public func append(_ entry: LogEntry) async throws -> LogEntry {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.postgresLock))").run()
        }
        let head = try await sql.raw("SELECT seq, entry_hash FROM log_chain ORDER BY seq DESC LIMIT 1").first()
        var chained = entry
        chained.sequence = try head.map { try $0.decode(column: "seq", as: Int64.self) + 1 } ?? 0
        chained.previous = try head?.decode(column: "entry_hash", as: String.self) ?? LogEntry.origin
        try await sql.insert(into: "log_chain").columns("seq", "entry_id", "entry_hash")
            .values(SQLBind(chained.sequence), SQLBind(chained.id), SQLBind(ContentDigest.hex(chained.hash))).run()
        return chained
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

    /// Chains the access-log entries written before the chain existed, oldest first; returns how many.
    public func adoptUnchained() async throws -> Int {
        let rows = try await sql.raw(
            """
            SELECT a.* FROM access_log a WHERE NOT EXISTS (SELECT 1 FROM log_chain c WHERE c.entry_id = a.id) ORDER BY a.at, a.id
            """
        ).all()
        for row in rows { try await append(try LogEntry(accessLogRow: row, sequence: 0, previous: LogEntry.origin)) }
        return rows.count
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
