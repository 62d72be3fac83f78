import Foundation
import OpenIMIPersistence
import OpenIMISecurity

extension LogCheckpointer {
    /// Proves, before the tree of `size` entries with `root` is signed, that it extends the last
    /// checkpoint in the checkpoint file (an RFC 6962 consistency proof from the stored subtrees,
    /// `pending` ones and entry hashes); otherwise records the inconsistency and throws.
    func proveExtendsAnchor(size: Int64, root: MerkleTree.Hash, pending: [MerkleTree.Subtree: MerkleTree.Hash], now: Date) async throws {
        guard let anchor, let last = try anchor.last() else { return }
        let held = try TreeHead(text: last.text)
        guard held.size <= size else {
            try await inconsistent(
                "the database's log holds \(size) entries, fewer than the \(held.size) of the last checkpoint in \(anchor.url.path): "
                    + "entries were removed from its end", now: now)
        }
        var proof: [MerkleTree.Hash]?
        do {
            proof = try await LogProofs(sql: database.sql).consistencyProof(from: held.size, to: size, pending: pending)
        } catch PersistenceError.corruptRow {
            // A stored subtree or entry hash is missing or malformed: the tree cannot be proved.
            proof = nil
        }
        guard let proof,
            MerkleTree.verifyConsistency(oldSize: Int(held.size), oldRoot: held.rootHash, newSize: Int(size), newRoot: root, proof: proof)
        else {
            try await inconsistent(
                "the database's log of \(size) entries does not extend the checkpoint of \(held.size) entries in \(anchor.url.path): "
                    + "entries before it were changed or removed", now: now)
        }
    }

    /// Checks a checkpoint already in the database before it is used again: the file must hold
    /// no larger one and, at the same size, the same root.
    func checkAgainstAnchor(_ checkpoint: LogCheckpoint, now: Date) async throws {
        guard let anchor, let last = try anchor.last() else { return }
        let held = try TreeHead(text: last.text)
        if held.size > checkpoint.treeSize {
            try await inconsistent(
                "the database's newest checkpoint covers \(checkpoint.treeSize) entries, fewer than the \(held.size) of the last "
                    + "checkpoint in \(anchor.url.path): entries and checkpoints were removed from its end", now: now)
        }
        if held.size == checkpoint.treeSize, held.rootHash != checkpoint.rootHash {
            try await inconsistent(
                "the database's checkpoint of \(held.size) entries states another tree than the one in \(anchor.url.path)", now: now)
        }
    }

    /// Proves at start that the last checkpoint in the checkpoint file is this log's, signed by one
    /// of the platform's keys, that the database's log extends it (recomputing the tree from every
    /// entry hash), and that the database's newest checkpoint states the same tree as its entries.
    /// A missing file is started from the database's checkpoints once each is checked against the
    /// entries and the keys (the first start with a checkpoint file); returns how many were copied.
    /// Only the entry hashes are read: whether each hash still matches its access-log row is what
    /// `openimi verify-log` checks.
    @discardableResult
    public func verifyAnchor(now: Date) async throws -> Int {
        guard let anchor else { return 0 }
        let own = try await CheckpointRepository(sql: database.sql).all()
        let identities = Dictionary(try keys.identities().map { ($0.keyID, $0) }) { first, _ in first }
        let last = try anchor.last()
        let held = try last.map { try TreeHead(text: $0.text) }
        if let last {
            let ours = identities.values.contains { identity in
                (try? last.isSigned(by: identity.noteSigner(origin: origin).verifier)) ?? false
            }
            guard ours else {
                try await inconsistent(
                    "the last checkpoint in \(anchor.url.path) is not signed by this platform's keys as log \(origin): "
                        + "the file belongs to another log or was altered", now: now)
            }
        }
        // Without a file every checkpoint of the database is checked (once); with one, the newest.
        let checked = last == nil ? own : Array(own.suffix(1))
        let wanted = Set(checked.map(\.treeSize) + (held.map { [$0.size] } ?? []))
        var roots: [Int64: MerkleTree.Hash] = [:]
        var frontier = MerkleFrontier()
        if wanted.contains(0) { roots[0] = frontier.root }
        let chain = LogChain(sql: database.sql)
        while true {
            let page = try await chain.leafHashes(from: frontier.size, limit: 50_000)
            for hash in page {
                frontier.append(leafHash: hash)
                if wanted.contains(frontier.size) { roots[frontier.size] = frontier.root }
            }
            if page.count < 50_000 { break }
        }
        if let held {
            guard held.size <= frontier.size else {
                try await inconsistent(
                    "the database's log holds \(frontier.size) entries, fewer than the \(held.size) of the last checkpoint in "
                        + "\(anchor.url.path): entries were removed from its end", now: now)
            }
            guard roots[held.size] == held.rootHash else {
                try await inconsistent(
                    "the database's log does not extend the checkpoint of \(held.size) entries in \(anchor.url.path): "
                        + "entries before it were changed, re-chained or removed", now: now)
            }
        }
        var copies: [SignedNote] = []
        for checkpoint in checked {
            guard roots[checkpoint.treeSize] == checkpoint.rootHash else {
                try await inconsistent(
                    "the database's checkpoint of \(checkpoint.treeSize) entries does not state the tree of its entries", now: now)
            }
            let identity = identities[checkpoint.keyID]
            if let note = checkpoint.note, let head = checkpoint.head, head.origin == origin,
                let logKey = try? identity?.noteSigner(origin: head.origin).verifier, note.isSigned(by: logKey)
            {
                // The log's own signature only: cosignatures read from the database are not the file's to keep.
                copies.append(SignedNote(text: note.text, signatures: note.signatures(of: logKey)))
            } else if checkpoint.head?.origin == origin
                || (checkpoint.note == nil && !(identity.map { checkpoint.isLegacySigned(by: $0.privateKey.publicKey) } ?? false))
            {
                try await inconsistent(
                    "the database's checkpoint of \(checkpoint.treeSize) entries is not signed by this platform's keys", now: now)
            }
        }
        guard last == nil else { return 0 }
        for note in copies { try anchor.append(note) }
        return copies.count
    }

    private func inconsistent(_ reason: String, now: Date) async throws -> Never {
        status.record(inconsistentLog: reason)
        let alarm = LogAlarmRepository.Alarm(at: now.epochSeconds, source: "platform", kind: "inconsistent-log", detail: reason)
        try? await database.transaction { try await LogAlarmRepository(sql: $0).raise(alarm) }
        throw EvidenceError.logInconsistent(reason)
    }
}
