import Foundation
import Logging
import OpenIMIPersistence
import OpenIMISecurity

/// Submits the platform's checkpoints to its witnesses (c2sp.org/tlog-witness `add-checkpoint`,
/// with a consistency proof from the last size each cosigned), stores their cosignatures, and
/// raises an alarm when a witness has seen another history.
///
/// It never blocks an exchange: a witness that does not answer within the timeout is skipped and
/// asked again with the next checkpoint, and the missing cosignature shows in the evidence and on
/// the operators' page.
public struct CheckpointWitnessing: Sendable {
    /// The database holding the log, its cosignatures and alarms.
    public let database: any Database
    /// The witnesses.
    public let endpoints: [WitnessEndpoint]
    /// What each witness last answered.
    public let status: WitnessingStatus
    /// Where alarms are also logged.
    public let logger: Logger
    /// How long one witness may take.
    public var timeout: Duration = .seconds(3)
    /// How long, in seconds, a witness that failed is not asked again.
    public static let retryAfter: Int64 = 25

    /// Creates it from its parts.
    public init(
        database: any Database, endpoints: [WitnessEndpoint], status: WitnessingStatus, logger: Logger, timeout: Duration = .seconds(3)
    ) {
        self.database = database
        self.endpoints = endpoints
        self.status = status
        self.logger = logger
        self.timeout = timeout
    }

    /// Asks every witness that has not cosigned `checkpoint` to do so, all at once; returns the
    /// checkpoint with the cosignatures it now has. The checkpoint and the subtrees its proofs need
    /// must be stored.
    public func submit(_ checkpoint: LogCheckpoint, now: Int64) async -> LogCheckpoint {
        guard let note = checkpoint.note, let head = checkpoint.head else { return checkpoint }
        // A witness that just failed is left to the next round of the checkpoint job rather than
        // delaying every evidence download by its timeout.
        let asked = endpoints.filter { endpoint in
            guard note.signatures(of: endpoint.verifier).isEmpty else { return false }
            guard let last = status.outcome(of: endpoint.name), last.problem != nil else { return true }
            return now - last.at >= Self.retryAfter || last.treeSize > head.size
        }
        guard !asked.isEmpty else { return checkpoint }
        let known = (try? await CheckpointRepository(sql: database.sql).lastCosigned()) ?? [:]
        let lines = await withTaskGroup(of: NoteSignature?.self) { group in
            for endpoint in asked {
                group.addTask { await cosignature(of: note, head: head, by: endpoint, from: known[endpoint.name]?.treeSize ?? 0, now: now) }
            }
            var lines: [NoteSignature] = []
            for await line in group { if let line { lines.append(line) } }
            return lines
        }
        var witnessed = checkpoint
        for line in lines {
            do {
                try await database.transaction {
                    try await CheckpointRepository(sql: $0).insert(cosignature: line, treeSize: head.size, at: now)
                }
                witnessed.add(cosignature: line)
            } catch {
                logger.error("Witness cosignature not stored", metadata: ["witness": "\(line.name)", "error.type": "\(type(of: error))"])
            }
        }
        return witnessed
    }

    /// One witness's cosignature of `note`, or nil (with the reason recorded).
    private func cosignature(
        of note: SignedNote, head: TreeHead, by endpoint: WitnessEndpoint, from known: Int64, now: Int64
    ) async
        -> NoteSignature?
    {
        var old = min(known, head.size)
        // A witness that cosigned another size than the one stored answers 409 with its size: once more from there.
        for _ in 0..<2 {
            let answer: WitnessClient.Answer
            do {
                let proof = try await LogProofs(sql: database.sql).consistencyProof(from: old, to: head.size)
                let body = "old \(old)\n" + proof.map { Base64.encode($0) + "\n" }.joined() + "\n" + note.serialized
                answer = try await WitnessClient(endpoint: endpoint, timeout: timeout).addCheckpoint(body)
            } catch {
                return refused(endpoint, head, now, .unreachable, "\(error)")
            }
            switch answer.status {
            case 200:
                let lines = (try? SignedNote(parsing: note.text + "\n" + answer.body))?.signatures(of: endpoint.verifier) ?? []
                guard let line = lines.first, lines.allSatisfy({ endpoint.verifier.verifies($0, over: note.text) }) else {
                    return refused(endpoint, head, now, .invalidAnswer, "its answer holds no valid cosignature of its key")
                }
                status.record(.init(at: now, treeSize: head.size, problem: nil), for: endpoint.name)
                return line
            case 409:
                guard answer.contentType?.hasPrefix("text/x.tlog.size") == true,
                    let size = Int64(answer.body.trimmingCharacters(in: .whitespacesAndNewlines)), size >= 0
                else { return refused(endpoint, head, now, .invalidAnswer, "409 without its tree size") }
                if size > head.size {
                    // A larger checkpoint this platform signed meanwhile (another instance, or the
                    // witness answered that one first) is no alarm: this one is merely stale.
                    let signed = try? await CheckpointRepository(sql: database.sql).exists(treeSize: size)
                    if signed == true {
                        return refused(endpoint, head, now, .invalidAnswer, "it has cosigned a larger checkpoint of this log")
                    }
                    return await alarm(
                        endpoint, head, now, .splitView,
                        "it has cosigned a tree of \(size) entries, more than the \(head.size) of this log: the log was cut, or shown differently to it"
                    )
                }
                if size == old {
                    return await alarm(
                        endpoint, head, now, .splitView,
                        "it holds another tree of \(size) entries than this log's: two histories were shown")
                }
                old = size
            case 422:
                return await alarm(
                    endpoint, head, now, .inconsistentLog,
                    "this log's tree of \(head.size) entries does not extend the tree of \(old) entries it cosigned: the log was rewritten")
            case 403:
                return refused(
                    endpoint, head, now, .logKeyNotTrusted, "it does not trust this log's key (403): give it `openimi keys log-key`")
            case 404:
                return refused(endpoint, head, now, .logUnknown, "it does not know the log \(head.origin) (404)")
            default:
                return refused(endpoint, head, now, .invalidAnswer, "HTTP \(answer.status)")
            }
        }
        return refused(endpoint, head, now, .invalidAnswer, "its tree size changed while it was asked")
    }

    private func refused(
        _ endpoint: WitnessEndpoint, _ head: TreeHead, _ now: Int64, _ problem: WitnessProblem, _ detail: String
    ) -> NoteSignature? {
        status.record(.init(at: now, treeSize: head.size, problem: problem), for: endpoint.name)
        logger.warning(
            "Witness did not cosign the checkpoint",
            metadata: ["witness": "\(endpoint.name)", "size": "\(head.size)", "reason": "\(detail)"])
        return nil
    }

    /// Records `problem` as an alarm (its raw value is the alarm's kind) as well as the outcome.
    private func alarm(
        _ endpoint: WitnessEndpoint, _ head: TreeHead, _ now: Int64, _ problem: WitnessProblem, _ detail: String
    ) async
        -> NoteSignature?
    {
        logger.critical("Access-log alarm: witness \(endpoint.name) \(detail)", metadata: ["alarm": "\(problem.rawValue)"])
        let alarm = LogAlarmRepository.Alarm(at: now, source: endpoint.name, kind: problem.rawValue, detail: detail)
        try? await database.transaction { try await LogAlarmRepository(sql: $0).raise(alarm) }
        return refused(endpoint, head, now, problem, detail)
    }
}
