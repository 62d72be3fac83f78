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
        let proof = try? await LogProofs(sql: database.sql).consistencyProof(from: held.size, to: size, pending: pending)
        guard let proof,
            MerkleTree.verifyConsistency(oldSize: Int(held.size), oldRoot: held.rootHash, newSize: Int(size), newRoot: root, proof: proof)
        else {
            try await inconsistent(
                "the database's log of \(size) entries does not extend the checkpoint of \(held.size) entries in \(anchor.url.path): "
                    + "entries before it were changed or removed", now: now)
        }
    }

    /// Proves at start that the last checkpoint in the checkpoint file is this log's, signed by one
    /// of the platform's keys, that the database's log extends it (recomputing the tree from every
    /// entry hash), and that the database's newest checkpoint states the same tree as its entries. A missing file is started from the database's checkpoints
    /// (the first start with a checkpoint file); returns how many were copied.
    @discardableResult
    public func verifyAnchor(now: Date) async throws -> Int {
        guard let anchor else { return 0 }
        let own = try await CheckpointRepository(sql: database.sql).all()
        guard let last = try anchor.last() else {
            let notes = own.compactMap(\.note)
            for note in notes { try anchor.append(note) }
            return notes.count
        }
        let held = try TreeHead(text: last.text)
        let ours = try keys.identities().contains { identity in
            (try? last.isSigned(by: identity.noteSigner(origin: origin).verifier)) ?? false
        }
        guard ours else {
            try await inconsistent(
                "the last checkpoint in \(anchor.url.path) is not signed by this platform's keys as log \(origin): "
                    + "the file belongs to another log or was altered", now: now)
        }
        var frontier = MerkleFrontier()
        var roots: [Int64: MerkleTree.Hash] = [:]
        let wanted = Set([held.size] + (own.last.map { [$0.treeSize] } ?? []))
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
        guard held.size <= frontier.size else {
            try await inconsistent(
                "the database's log holds \(frontier.size) entries, fewer than the \(held.size) of the last checkpoint in \(anchor.url.path): "
                    + "entries were removed from its end", now: now)
        }
        guard roots[held.size] == held.rootHash else {
            try await inconsistent(
                "the database's log does not extend the checkpoint of \(held.size) entries in \(anchor.url.path): "
                    + "entries before it were changed, re-chained or removed", now: now)
        }
        if let newest = own.last, roots[newest.treeSize] != newest.rootHash {
            try await inconsistent(
                "the database's newest checkpoint (\(newest.treeSize) entries) does not state the tree of its entries", now: now)
        }
        return 0
    }

    private func inconsistent(_ reason: String, now: Date) async throws -> Never {
        status.record(inconsistentLog: reason)
        let alarm = LogAlarmRepository.Alarm(at: now.epochSeconds, source: "platform", kind: "inconsistent-log", detail: reason)
        try? await database.transaction { try await LogAlarmRepository(sql: $0).raise(alarm) }
        throw EvidenceError.logInconsistent(reason)
    }
}
