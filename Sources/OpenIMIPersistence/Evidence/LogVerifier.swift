import Crypto
import Foundation
import OpenIMISecurity
import SQLKit

/// Re-reads the whole access log, recomputes its chain and Merkle tree, and checks every checkpoint
/// against them and against its signature.
public struct LogVerifier: Sendable {
    /// What a successful verification covered.
    public struct Summary: Sendable, Equatable {
        /// Entries in the chain.
        public let entries: Int64
        /// Checkpoints checked.
        public let checkpoints: Int
        /// The newest checkpoint, if any.
        public let latest: LogCheckpoint?
    }

    /// The database holding the log.
    public let database: any Database
    /// The public keys checkpoints may be signed with, by key id.
    public let keys: [String: P256.Signing.PublicKey]
    /// Entries read per query.
    public var pageSize: Int64 = 20_000

    /// Verifies with the keys `keys` (every key the platform ever signed with).
    public init(database: any Database, keys: [String: P256.Signing.PublicKey]) {
        self.database = database
        self.keys = keys
    }

    /// Verifies the log; throws the first ``LogVerificationFailure`` found.
    public func verify() async throws -> Summary {
        let checkpoints = try await CheckpointRepository(sql: database.sql).all()
        var pending = checkpoints[...]
        var frontier = MerkleFrontier()
        var previous = LogEntry.origin
        try check(&pending, at: frontier)
        while true {
            let start = frontier.size
            let rows = try await database.sql.raw(
                """
                SELECT c.seq AS chain_seq, c.entry_id AS chain_entry, c.entry_hash AS chain_hash, a.* FROM log_chain c
                LEFT JOIN access_log a ON a.id = c.entry_id
                WHERE c.seq >= \(bind: start) AND c.seq < \(bind: start + pageSize) ORDER BY c.seq
                """
            ).all()
            for row in rows {
                let sequence = try row.decode(column: "chain_seq", as: Int64.self)
                guard sequence == frontier.size else { throw LogVerificationFailure.entryMissing(sequence: frontier.size) }
                let id = try row.decode(column: "chain_entry", as: String.self)
                guard try !row.decodeNil(column: "id") else { throw LogVerificationFailure.entryRowMissing(sequence: sequence, id: id) }
                let entry = try LogEntry(accessLogRow: row, sequence: sequence, previous: previous)
                let hash = entry.hash
                let hex = ContentDigest.hex(hash)
                guard hex == (try row.decode(column: "chain_hash", as: String.self)), entry.id == id else {
                    throw LogVerificationFailure.entryAltered(sequence: sequence, id: id)
                }
                previous = hex
                frontier.append(leafHash: hash)
                try check(&pending, at: frontier)
            }
            if rows.count < Int(pageSize) { break }
        }
        if let beyond = pending.first {
            throw LogVerificationFailure.checkpointBeyondLog(treeSize: beyond.treeSize, entries: frontier.size)
        }
        // Every chained entry was found above, each once (entry_id is unique), so any surplus of
        // rows is outside the chain.
        let rows = try await database.sql.raw("SELECT COUNT(*) AS n FROM access_log").first()?.decode(column: "n", as: Int64.self) ?? 0
        guard rows == frontier.size else { throw LogVerificationFailure.unchainedEntries(count: Int(rows - frontier.size)) }
        return Summary(entries: frontier.size, checkpoints: checkpoints.count, latest: checkpoints.last)
    }

    /// Checks the checkpoints whose tree size the log has reached.
    private func check(_ pending: inout ArraySlice<LogCheckpoint>, at frontier: MerkleFrontier) throws {
        // Called at every size from 0 up, so each checkpoint is met exactly at its own size.
        while let next = pending.first, next.treeSize == frontier.size {
            pending.removeFirst()
            guard let key = keys[next.keyID] else {
                throw LogVerificationFailure.checkpointKeyUnknown(treeSize: next.treeSize, keyID: next.keyID)
            }
            guard next.isSigned(by: key) else {
                throw LogVerificationFailure.checkpointSignatureInvalid(treeSize: next.treeSize, keyID: next.keyID)
            }
            guard next.rootHash == frontier.root else { throw LogVerificationFailure.checkpointRootMismatch(treeSize: next.treeSize) }
        }
    }
}
