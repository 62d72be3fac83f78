import Crypto
import Foundation
import OpenIMISecurity
import SQLKit

/// Re-reads the whole access log, recomputes its chain and Merkle tree, and checks every checkpoint
/// — the database's and those held elsewhere — against them, against its signature and against the
/// witnesses' cosignatures.
public struct LogVerifier: Sendable {
    /// What a successful verification covered.
    public struct Summary: Sendable, Equatable {
        /// Entries in the chain.
        public let entries: Int64
        /// Entries still waiting in the queue for their place in the chain.
        public let queued: Int64
        /// Checkpoints in the database checked.
        public let checkpoints: Int
        /// Checkpoints held outside the database checked.
        public let external: Int
        /// The newest checkpoint, if any.
        public let latest: LogCheckpoint?
        /// The newest checkpoint carrying the witness quorum, when witnesses were given.
        public let witnessed: LogCheckpoint?
    }

    /// The database holding the log.
    public let database: any Database
    /// The platform's keys, by key id: checkpoints are signed with their note keys (legacy ones with
    /// the keys themselves).
    public let identities: [String: SigningIdentity]
    /// Checkpoints held outside the database that the log must extend.
    public var external: [ExternalCheckpoint] = []
    /// The witnesses whose cosignatures are checked, and how many a checkpoint needs.
    public var witnesses: WitnessQuorum = .none
    /// How old entries may be without a checkpoint covering them, in seconds; nil: not checked.
    public var interval: Int64?
    /// The time the age of entries is measured from, in seconds since 1970.
    public var now: Int64 = Date().epochSeconds
    /// Entries read per query.
    public var pageSize: Int64 = 20_000

    /// Verifies with `identities` (every key the platform ever signed with).
    public init(database: any Database, identities: [SigningIdentity]) {
        self.database = database
        self.identities = Dictionary(identities.map { ($0.keyID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Verifies the log; throws the first ``LogVerificationFailure`` found.
    public func verify() async throws -> Summary {
        let checkpoints = try await CheckpointRepository(sql: database.sql).all()
        var witnessed: LogCheckpoint?
        var best = 0
        for checkpoint in checkpoints {
            try checkSignature(checkpoint)
            if let note = checkpoint.note {
                let outcome = witnesses.evaluate(note)
                if let witness = outcome.invalid.first {
                    throw LogVerificationFailure.cosignatureInvalid(treeSize: checkpoint.treeSize, witness: witness)
                }
                best = max(best, outcome.cosigned.count)
                if witnesses.quorum > 0, outcome.isMet { witnessed = checkpoint }
            }
        }
        for held in external {
            guard signer(of: held.note, origin: held.head.origin) != nil else {
                throw LogVerificationFailure.externalNotSigned(source: held.source, treeSize: held.head.size)
            }
            if let witness = witnesses.evaluate(held.note).invalid.first {
                throw LogVerificationFailure.cosignatureInvalid(treeSize: held.head.size, witness: witness)
            }
        }
        try detectSplitView(checkpoints)
        let covered = max(checkpoints.last?.treeSize ?? 0, external.map(\.head.size).max() ?? 0)
        var walk = Walk(
            pendingOwn: checkpoints[...], pendingHeld: external.sorted { $0.head.size < $1.head.size }[...],
            expected: Dictionary(external.flatMap { $0.entries.map { ($0.sequence, $0.hash) } }, uniquingKeysWith: { first, _ in first }))
        var previous = LogEntry.origin
        var uncoveredSince: Int64?
        try walk.check()
        while true {
            let start = walk.frontier.size
            let rows = try await database.sql.raw(
                """
                SELECT c.seq AS chain_seq, c.entry_id AS chain_entry, c.entry_hash AS chain_hash, a.* FROM log_chain c
                LEFT JOIN access_log a ON a.id = c.entry_id
                WHERE c.seq >= \(bind: start) AND c.seq < \(bind: start + pageSize) ORDER BY c.seq
                """
            ).all()
            for row in rows {
                let sequence = try row.decode(column: "chain_seq", as: Int64.self)
                guard sequence == walk.frontier.size else { throw LogVerificationFailure.entryMissing(sequence: walk.frontier.size) }
                let id = try row.decode(column: "chain_entry", as: String.self)
                guard try !row.decodeNil(column: "id") else { throw LogVerificationFailure.entryRowMissing(sequence: sequence, id: id) }
                let entry = try LogEntry(accessLogRow: row, sequence: sequence, previous: previous)
                let hash = entry.hash
                let hex = ContentDigest.hex(hash)
                guard hex == (try row.decode(column: "chain_hash", as: String.self)), entry.id == id else {
                    throw LogVerificationFailure.entryAltered(sequence: sequence, id: id)
                }
                if sequence == covered { uncoveredSince = entry.at }
                previous = hex
                walk.append(hash, at: sequence)
                try walk.check()
            }
            if rows.count < Int(pageSize) { break }
        }
        if let beyond = walk.pendingHeld.first {
            throw LogVerificationFailure.externalBeyondLog(source: beyond.source, treeSize: beyond.head.size, entries: walk.frontier.size)
        }
        if let beyond = walk.pendingOwn.first {
            throw LogVerificationFailure.checkpointBeyondLog(treeSize: beyond.treeSize, entries: walk.frontier.size)
        }
        // Rows neither chained nor queued, in one statement: on a live database, entries move from
        // the queue to the chain while the walk above runs, and counting each apart would miss or
        // double them.
        let outside =
            try await database.sql.raw(
                """
                SELECT COUNT(*) AS n FROM access_log a WHERE NOT EXISTS (SELECT 1 FROM log_chain c WHERE c.entry_id = a.id)
                AND NOT EXISTS (SELECT 1 FROM log_pending p WHERE p.entry_id = a.id)
                """
            ).first()?.decode(column: "n", as: Int64.self) ?? 0
        guard outside == 0 else { throw LogVerificationFailure.unchainedEntries(count: Int(outside)) }
        let queue = try await LogChain(sql: database.sql).queued()
        if let interval, let since = uncoveredSince, now - since > interval {
            throw LogVerificationFailure.uncheckpointed(from: covered, entries: walk.frontier.size - covered, ageSeconds: now - since)
        }
        if let interval, let oldest = queue.oldest, now - oldest > interval {
            throw LogVerificationFailure.unsequenced(entries: queue.count, ageSeconds: now - oldest)
        }
        if witnesses.quorum > 0, witnessed == nil { throw LogVerificationFailure.quorumNotMet(quorum: witnesses.quorum, best: best) }
        return Summary(
            entries: walk.frontier.size, queued: queue.count, checkpoints: checkpoints.count, external: external.count,
            latest: checkpoints.last,
            witnessed: witnessed)
    }

    /// The log as it is walked: its frontier and the checkpoints still to meet.
    private struct Walk {
        var frontier = MerkleFrontier()
        var pendingOwn: ArraySlice<LogCheckpoint>
        var pendingHeld: ArraySlice<ExternalCheckpoint>
        /// Entry hashes that checkpoints held elsewhere prove, by position.
        let expected: [Int64: MerkleTree.Hash]
        /// The largest size at which a checkpoint matched the log.
        var agreed: Int64 = 0
        /// The first entry whose hash differs from one a held checkpoint proves.
        var firstDifferent: Int64?

        mutating func append(_ hash: MerkleTree.Hash, at sequence: Int64) {
            if firstDifferent == nil, let wanted = expected[sequence], wanted != hash { firstDifferent = sequence }
            frontier.append(leafHash: hash)
        }

        /// Checks the checkpoints whose tree size the log has reached; called at every size from 0
        /// up, so each is met exactly at its own size.
        mutating func check() throws {
            while let next = pendingHeld.first, next.head.size == frontier.size {
                pendingHeld.removeFirst()
                guard next.head.rootHash == frontier.root else {
                    throw LogVerificationFailure.externalInconsistent(
                        source: next.source, treeSize: next.head.size, agreedSize: agreed, firstDifferent: firstDifferent)
                }
                agreed = frontier.size
            }
            while let next = pendingOwn.first, next.treeSize == frontier.size {
                pendingOwn.removeFirst()
                guard next.rootHash == frontier.root else { throw LogVerificationFailure.checkpointRootMismatch(treeSize: next.treeSize) }
                agreed = frontier.size
            }
        }
    }

    /// The identity whose note key for `origin` signed `note`.
    private func signer(of note: SignedNote, origin: String) -> SigningIdentity? {
        identities.values.first { identity in
            guard let verifier = try? identity.noteSigner(origin: origin).verifier else { return false }
            return note.isSigned(by: verifier)
        }
    }

    private func checkSignature(_ checkpoint: LogCheckpoint) throws {
        guard let identity = identities[checkpoint.keyID] else {
            throw LogVerificationFailure.checkpointKeyUnknown(treeSize: checkpoint.treeSize, keyID: checkpoint.keyID)
        }
        let valid: Bool
        if let head = checkpoint.head {
            valid = (try? checkpoint.isSigned(by: identity.noteSigner(origin: head.origin).verifier)) ?? false
        } else {
            valid = checkpoint.isLegacySigned(by: identity.privateKey.publicKey)
        }
        guard valid else { throw LogVerificationFailure.checkpointSignatureInvalid(treeSize: checkpoint.treeSize, keyID: checkpoint.keyID) }
    }

    /// Two checkpoints of one size must state one root, wherever they were kept.
    private func detectSplitView(_ checkpoints: [LogCheckpoint]) throws {
        var seen: [Int64: (root: MerkleTree.Hash, source: String)] = [:]
        let all =
            checkpoints.map { ($0.treeSize, $0.rootHash, "the database's checkpoint") }
            + external.map { ($0.head.size, $0.head.rootHash, $0.source) }
        for (size, root, source) in all {
            if let earlier = seen[size], earlier.root != root {
                throw LogVerificationFailure.splitView(treeSize: size, first: earlier.source, second: source)
            }
            seen[size] = seen[size] ?? (root, source)
        }
    }
}
