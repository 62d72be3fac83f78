import Foundation
import Logging
import OpenIMIPersistence
import OpenIMISecurity

/// An independent witness of transparency logs (c2sp.org/tlog-witness): it cosigns a log's
/// checkpoint only when a consistency proof shows it extends the last checkpoint it cosigned for
/// that log, and keeps every fork and inconsistent proof it is shown as evidence.
///
/// Member states' coordinators or data protection authorities run one each (`openimi witness`),
/// so that no single operator can rewrite the record of what happened to personal data.
public struct Witness: Sendable {
    /// The witness's own state.
    public let database: any Database
    /// Its cosigning key.
    public let signer: NoteSigner
    /// The logs it witnesses: their keys, by origin.
    public let logs: [String: [NoteVerifier]]
    /// Where refusals are logged.
    public let logger: Logger

    /// The largest submission read.
    public static let maximumBody = 65_536

    /// Creates a witness.
    public init(database: any Database, signer: NoteSigner, logs: [NoteVerifier], logger: Logger) {
        self.database = database
        self.signer = signer
        self.logs = Dictionary(grouping: logs, by: \.name)
        self.logger = logger
    }

    /// What the witness answers: the HTTP status, the content type and the body.
    public struct Answer: Sendable, Equatable {
        /// The HTTP status code.
        public let status: Int
        /// The content type.
        public let contentType: String
        /// The body.
        public let body: String

        /// An answer from its parts.
        public init(status: Int, contentType: String, body: String) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }

        static func text(_ status: Int, _ body: String) -> Answer {
            Answer(status: status, contentType: "text/plain; charset=utf-8", body: body + "\n")
        }
    }

    /// Handles an `add-checkpoint` body: `old <size>`, proof lines, a blank line, the checkpoint.
    public func addCheckpoint(_ body: String, now: Date) async throws -> Answer {
        guard body.utf8.count <= Self.maximumBody else { return .text(413, "the submission is larger than \(Self.maximumBody) bytes") }
        guard let blank = body.range(of: "\n\n") else {
            return .text(400, "expected the old size, the proof, a blank line and the checkpoint")
        }
        let header = body[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = header.first, first.hasPrefix("old "), let old = Int64(first.dropFirst(4)), old >= 0,
            String(old) == first.dropFirst(4)
        else { return .text(400, "the first line must be \"old <size>\"") }
        let proofLines = header.dropFirst()
        guard proofLines.count <= 63 else { return .text(400, "more than 63 consistency proof lines") }
        var proof: [MerkleTree.Hash] = []
        for line in proofLines {
            guard let hash = Base64.decode(String(line)), hash.count == 32 else { return .text(400, "a proof line is not a base64 hash") }
            proof.append(hash)
        }
        let note: SignedNote
        let head: TreeHead
        do {
            note = try SignedNote(parsing: String(body[blank.upperBound...]))
            head = try TreeHead(text: note.text)
        } catch {
            return .text(400, "\(error)")
        }
        guard let keys = logs[head.origin] else { return .text(404, "unknown log \(head.origin)") }
        guard keys.contains(where: { note.isSigned(by: $0) }) else { return .text(403, "no signature of a trusted key of \(head.origin)") }
        guard old <= head.size else { return .text(400, "the old size is larger than the checkpoint's") }
        guard old > 0 || proof.isEmpty else { return .text(400, "a proof from size 0 must be empty") }
        let signer = signer
        let logger = logger
        let proofHashes = proof
        // Check and update in one transaction: two submissions must not both move the state. The
        // witness's database is SQLite, whose single writer makes the read and the write one step.
        return try await database.transaction { sql in
            let store = WitnessRepository(sql: sql)
            let state = try await store.state(of: head.origin)
            let known = state?.size ?? 0
            guard old == known else {
                return Answer(status: 409, contentType: "text/x.tlog.size", body: "\(known)\n")
            }
            if let state, old == head.size {
                guard proofHashes.isEmpty else { return .text(400, "a proof between two trees of one size must be empty") }
                guard state.rootHash == head.rootHash else {
                    // A fork: two trees of one size, both signed by the log. Kept with the one
                    // cosigned before, as proof of the log's misbehaviour; answered 409 with the size.
                    try await store.record(
                        .init(
                            at: now.epochSeconds, origin: head.origin, oldSize: old, treeSize: head.size, reason: "fork",
                            note: note.serialized, cosignedNote: state.note))
                    logger.critical(
                        "Witness refused a fork: another tree of a size it cosigned (split view)",
                        metadata: ["origin": "\(head.origin)", "size": "\(head.size)"])
                    return Answer(status: 409, contentType: "text/x.tlog.size", body: "\(known)\n")
                }
            } else if let state {
                guard
                    MerkleTree.verifyConsistency(
                        oldSize: Int(old), oldRoot: state.rootHash, newSize: Int(head.size), newRoot: head.rootHash, proof: proofHashes)
                else {
                    // The proof lines are not signed by the log, so anyone could send a bad one
                    // with a genuine checkpoint: logged, not kept.
                    logger.warning(
                        "Witness refused a checkpoint whose consistency proof does not verify",
                        metadata: ["origin": "\(head.origin)", "old": "\(old)", "size": "\(head.size)"])
                    return .text(422, "the tree of size \(head.size) does not extend the tree of size \(old) cosigned before")
                }
            }
            try await store.save(head, note: note, at: now.epochSeconds)
            let line = try signer.sign(note.text, timestamp: now.epochSeconds)
            return Answer(status: 200, contentType: "text/plain; charset=utf-8", body: line.line)
        }
    }
}
