import Foundation
import OpenIMIPersistence
import OpenIMISecurity

/// Signs checkpoints of the access log's Merkle tree — the half-minute job, on demand, and at
/// shutdown — after proving that the log extends the last checkpoint held outside the database;
/// appends each to the checkpoint file and has the witnesses cosign it.
public struct LogCheckpointer: Sendable {
    /// The origin used when none is configured.
    public static let defaultOrigin = "localhost/openimi-access-log"

    /// The database holding the log.
    public let database: any Database
    /// Where the signing key is read from, anew for every checkpoint, so that a lost key is noticed.
    public let keys: SigningKeyStore
    /// Told whether the key could be loaded and whether the log is still consistent.
    public let status: EvidenceStatus
    /// The log's name in its checkpoints.
    public let origin: String
    /// The checkpoints held outside the database; nil keeps none (tests of the log alone).
    public let anchor: CheckpointFile?
    /// The witnesses and how many must cosign.
    public let witnessing: CheckpointWitnessing?
    /// How many cosignatures a checkpoint needs to count.
    public let quorum: Int
    /// One checkpoint at a time in this process.
    public let turn: CheckpointTurn

    /// Creates a checkpointer.
    public init(
        database: any Database, keys: SigningKeyStore, status: EvidenceStatus, origin: String = LogCheckpointer.defaultOrigin,
        anchor: CheckpointFile? = nil, witnessing: CheckpointWitnessing? = nil, quorum: Int = 0, turn: CheckpointTurn = CheckpointTurn()
    ) {
        self.database = database
        self.keys = keys
        self.status = status
        self.origin = origin
        self.anchor = anchor
        self.witnessing = witnessing
        self.quorum = quorum
        self.turn = turn
    }

    /// How old a checkpoint may be for evidence to rely on it rather than on a new one, and how
    /// old entries may be without a checkpoint (`openimi verify-log`): the half-minute job signs one
    /// at least this often while entries arrive.
    public static let reuseAge: Int64 = 60

    /// The log's note key for `identity`: what witnesses and verifiers are given.
    public func logKey(of identity: SigningIdentity) throws -> NoteVerifier { try identity.noteSigner(origin: origin).verifier }

    /// The newest checkpoint when it covers the entry at `sequence` (and all before it) and was
    /// signed at most `reuseAge` seconds before `now` with the current key, with the cosignatures
    /// the witnesses give it now; nil when a new one is needed. A checkpoint short of the witness
    /// quorum is reused all the same: a new one would meet the same witnesses, and signing one per
    /// download would flood the log; the evidence names the missing witnesses.
    public func recent(covering sequence: Int64, now: Date) async throws -> LogCheckpoint? {
        guard let latest = try await CheckpointRepository(sql: database.sql).latest()?.checkpoint, latest.treeSize > sequence,
            latest.at <= now.epochSeconds, now.epochSeconds - latest.at <= Self.reuseAge,
            latest.keyID == (try keys.current()).keyID,  // evidence is signed with the current key, its checkpoint must be too
            latest.head?.origin == origin
        else { return nil }
        return try await turn.run {
            try await database.holding(.checkpoint) {
                try await checkAgainstAnchor(latest, now: now)
                return await witnessed(latest, now: now)
            }
        }
    }

    /// Signs a checkpoint over every chained entry when there are entries the last checkpoint does
    /// not cover, or when `force` is set and there is no checkpoint yet; returns the newest
    /// checkpoint, with the cosignatures the witnesses gave. Loading the key is tried every time;
    /// when it fails, ``status`` records it and the error is thrown. When the log does not extend the
    /// last checkpoint held outside the database, nothing is signed, ``status`` records why and
    /// ``EvidenceError/logInconsistent(_:)`` is thrown.
    @discardableResult
    public func checkpoint(now: Date, force: Bool = false) async throws -> LogCheckpoint? {
        // One instance at a time signs, stores and submits to the witnesses, so that they see the
        // checkpoints in the order of their sizes however many instances share the database.
        try await turn.run { try await database.holding(.checkpoint) { try await checkpointInTurn(now: now, force: force) } }
    }

    private func checkpointInTurn(now: Date, force: Bool) async throws -> LogCheckpoint? {
        let identity: SigningIdentity
        do {
            identity = try keys.current()
            status.record(canSign: true)
        } catch {
            status.record(canSign: false)
            throw error
        }
        try status.requireSigning()
        try await LogSequencer(database: database).integrate()
        let latest = try await CheckpointRepository(sql: database.sql).latest()
        var frontier = latest?.frontier ?? MerkleFrontier()
        let hashes = try await LogChain(sql: database.sql).leafHashes(from: frontier.size)
        var subtrees: [(subtree: MerkleTree.Subtree, root: MerkleTree.Hash)] = []
        for hash in hashes {
            subtrees += frontier.append(leafHash: hash).filter { $0.subtree.height >= LogProofs.storedHeight }
        }
        if let latest, latest.checkpoint.treeSize == frontier.size {
            try await checkAgainstAnchor(latest.checkpoint, now: now)
            return await witnessed(latest.checkpoint, now: now)
        }
        guard !hashes.isEmpty || force else { return nil }
        let (covered, completed) = (frontier, subtrees)
        try await proveExtendsAnchor(
            size: covered.size, root: covered.root, pending: Dictionary(completed.map { ($0.subtree, $0.root) }) { first, _ in first },
            now: now)
        // An instance that waited for another's checkpoint may hold an earlier time than the one
        // just signed: a checkpoint is never dated before the one it extends.
        let signedAt = max(now.epochSeconds, latest?.checkpoint.at ?? 0)
        let checkpoint = try LogCheckpoint.sign(
            treeSize: covered.size, rootHash: covered.root, origin: origin, at: signedAt, with: identity)
        // The file first: a checkpoint in the file that the database lacks is harmless (the next
        // one extends it), one signed into the database but missing from the file is not anchored.
        // While the file cannot be written, changes are refused as when the key cannot be read.
        if let note = checkpoint.note, let anchor {
            do {
                try anchor.append(note)
            } catch {
                status.record(canSign: false)
                throw error
            }
        }
        try await database.transaction { sql in
            try await LogProofs(sql: sql).store(completed)
            try await CheckpointRepository(sql: sql).insert(checkpoint, frontier: covered)
        }
        return await witnessed(checkpoint, now: now)
    }

    /// `checkpoint` with the cosignatures of the witnesses that have not given theirs yet asked for.
    private func witnessed(_ checkpoint: LogCheckpoint, now: Date) async -> LogCheckpoint {
        guard let witnessing else { return checkpoint }
        return await witnessing.submit(checkpoint, now: now.epochSeconds)
    }

    /// The log key of the current signing key and the witness policy, as evidence states them.
    public func witnessingStatement() throws -> ExchangeEvidence.Witnessing {
        let policy = (try? WitnessQuorum(witnesses: witnessing?.endpoints.map(\.verifier) ?? [], quorum: quorum)) ?? .none
        return ExchangeEvidence.Witnessing(logKey: try logKey(of: try keys.current()), witnesses: policy)
    }
}
