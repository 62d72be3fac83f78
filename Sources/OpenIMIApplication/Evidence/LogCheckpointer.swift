import Foundation
import OpenIMIPersistence
import OpenIMISecurity

/// Signs checkpoints of the access log's Merkle tree: the minute job, on demand, and at shutdown.
public struct LogCheckpointer: Sendable {
    /// The database holding the log.
    public let database: any Database
    /// Where the signing key is read from, anew for every checkpoint, so that a lost key is noticed.
    public let keys: SigningKeyStore
    /// Told whether the key could be loaded.
    public let status: EvidenceStatus

    /// Creates a checkpointer.
    public init(database: any Database, keys: SigningKeyStore, status: EvidenceStatus) {
        self.database = database
        self.keys = keys
        self.status = status
    }

    /// How old a checkpoint may be for evidence to rely on it rather than on a new one: the minute
    /// job signs one at least this often while entries arrive.
    public static let reuseAge: Int64 = 60

    /// The newest checkpoint when it covers the entry at `sequence` (and all before it), was signed
    /// at most `reuseAge` seconds before `now` and with the current key; nil when a new one is needed.
    public func recent(covering sequence: Int64, now: Date) async throws -> LogCheckpoint? {
        guard let latest = try await CheckpointRepository(sql: database.sql).latest()?.checkpoint, latest.treeSize > sequence,
            latest.at <= now.epochSeconds, now.epochSeconds - latest.at <= Self.reuseAge,
            latest.keyID == (try keys.current()).keyID  // evidence is signed with the current key, its checkpoint must be too
        else { return nil }
        return latest
    }

    /// Signs a checkpoint over every chained entry when there are entries the last checkpoint does
    /// not cover, or when `force` is set and there is no checkpoint yet; returns the newest
    /// checkpoint. Loading the key is tried every time; when it fails, ``status`` records it and
    /// the error is thrown.
    @discardableResult
    public func checkpoint(now: Date, force: Bool = false) async throws -> LogCheckpoint? {
        let identity: SigningIdentity
        do {
            identity = try keys.current()
            status.record(canSign: true)
        } catch {
            status.record(canSign: false)
            throw error
        }
        let latest = try await CheckpointRepository(sql: database.sql).latest()
        var frontier = latest?.frontier ?? MerkleFrontier()
        let hashes = try await LogChain(sql: database.sql).leafHashes(from: frontier.size)
        var subtrees: [(subtree: MerkleTree.Subtree, root: MerkleTree.Hash)] = []
        for hash in hashes {
            subtrees += frontier.append(leafHash: hash).filter { $0.subtree.height >= LogProofs.storedHeight }
        }
        if let latest, latest.checkpoint.treeSize == frontier.size { return latest.checkpoint }
        guard !hashes.isEmpty || force else { return nil }
        let checkpoint = try LogCheckpoint.sign(treeSize: frontier.size, rootHash: frontier.root, at: now.epochSeconds, with: identity)
        let (covered, completed) = (frontier, subtrees)
        try await database.transaction { sql in
            try await LogProofs(sql: sql).store(completed)
            try await CheckpointRepository(sql: sql).insert(checkpoint, frontier: covered)
        }
        return checkpoint
    }
}
