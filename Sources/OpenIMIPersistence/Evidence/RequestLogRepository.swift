import Foundation
import OpenIMISecurity
import SQLKit

/// The access-log entries that concern requests, with their proofs: what evidence and supervisory
/// exports are built from.
public struct RequestLogRepository: Sendable {
    /// The database or transaction to read.
    public let sql: any SQLDatabase

    /// Reads through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The chain position of the last entry that changed request `id` (anything but a read or a
    /// search), or -1 when there is none.
    public func lastChange(of id: UUID) async throws -> Int64 {
        try await sql.raw(
            """
            SELECT MAX(c.seq) AS last FROM access_log a JOIN log_chain c ON c.entry_id = a.id
            WHERE a.request_id = \(bind: id.uuidString.lowercased()) AND a.operation NOT IN ('read', 'search')
            """
        ).first()?.decode(column: "last", as: Int64?.self) ?? -1
    }

    /// The entries of request `id` in the tree of `treeSize` entries, oldest first, each with its audit path.
    public func provedEntries(of id: UUID, treeSize: Int64) async throws -> [ProvedLogEntry] {
        let rows = try await sql.raw(
            """
            SELECT c.seq AS chain_seq, p.entry_hash AS previous_hash, a.* FROM access_log a
            JOIN log_chain c ON c.entry_id = a.id LEFT JOIN log_chain p ON p.seq = c.seq - 1
            WHERE a.request_id = \(bind: id.uuidString.lowercased()) AND c.seq < \(bind: treeSize) ORDER BY c.seq
            """
        ).all()
        return try await proved(rows, treeSize: treeSize)
    }

    /// The entries of the requests `ids` written in [`from`, `until`) and in the tree of `treeSize`
    /// entries, oldest first, each with its audit path; read 500 requests at a time.
    public func provedEntries(of ids: [String], from: Int64, until: Int64, treeSize: Int64) async throws -> [ProvedLogEntry] {
        var entries: [ProvedLogEntry] = []
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
            let rows = try await sql.raw(
                """
                SELECT c.seq AS chain_seq, p.entry_hash AS previous_hash, a.* FROM access_log a
                JOIN log_chain c ON c.entry_id = a.id LEFT JOIN log_chain p ON p.seq = c.seq - 1
                WHERE a.request_id IN (\(binds: Array(chunk))) AND a.at >= \(bind: from)
                  AND a.at < \(bind: until) AND c.seq < \(bind: treeSize) ORDER BY c.seq
                """
            ).all()
            entries += try await proved(rows, treeSize: treeSize)
        }
        return entries.sorted { $0.entry.sequence < $1.entry.sequence }
    }

    /// Log rows (with `chain_seq` and `previous_hash`) as entries with their audit paths in the tree of `treeSize`.
    private func proved(_ rows: [any SQLRow], treeSize: Int64) async throws -> [ProvedLogEntry] {
        let proofs = LogProofs(sql: sql)
        var entries: [ProvedLogEntry] = []
        for row in rows {
            let sequence = try row.decode(column: "chain_seq", as: Int64.self)
            let entry = try LogEntry(
                accessLogRow: row, sequence: sequence,
                previous: try row.decode(column: "previous_hash", as: String?.self) ?? LogEntry.origin)
            entries.append(ProvedLogEntry(entry: entry, proof: try await proofs.inclusionProof(sequence: sequence, treeSize: treeSize)))
        }
        return entries
    }
}
