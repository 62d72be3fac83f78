import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Issues the signed evidence of an exchange to an authority involved in it.
public struct ExchangeEvidenceService: Sendable {
    /// The requests, for the access policy and the request itself.
    public let requests: RequestService
    /// Signs a checkpoint covering the newest entries before proofs are made.
    public let checkpointer: LogCheckpointer

    /// Creates the service.
    public init(requests: RequestService, checkpointer: LogCheckpointer) {
        self.requests = requests
        self.checkpointer = checkpointer
    }

    /// What was issued: the request as the evidence shows it, and the signed evidence.
    public struct Issued: Sendable {
        /// The request, read at the moment the checkpoint covers.
        public let request: InformationRequest
        /// Its attachments.
        public let attachments: [RequestAttachment]
        /// The checkpoint the evidence's proofs lead to.
        public let checkpoint: LogCheckpoint
        /// How many log entries the evidence proves.
        public let entries: Int
        /// The signed evidence, a compact JWS.
        public let jws: String
    }

    /// The evidence of request `id` as a compact JWS, for an involved user with a role in its area
    /// (also after closure); the download is itself logged first, so the evidence proves it too.
    public func evidence(of id: UUID, by principal: Principal, now: Date) async throws -> String {
        try await issue(of: id, by: principal, purpose: "api:get-evidence", showsPersonalData: false, now: now).jws
    }

    /// The chain position of the last entry that changed request `id` (anything but a read or a
    /// search), or -1 when there is none.
    static func lastChange(of id: UUID, sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw(
            """
            SELECT MAX(c.seq) AS last FROM access_log a JOIN log_chain c ON c.entry_id = a.id
            WHERE a.request_id = \(bind: id.uuidString.lowercased()) AND a.operation NOT IN ('read', 'search')
            """
        ).first()?.decode(column: "last", as: Int64?.self) ?? -1
    }

    /// Issues the evidence of request `id`, logging the download with `purpose` first; when what is
    /// issued shows the personal data (the PDF report), the log records them as read.
    public func issue(of id: UUID, by principal: Principal, purpose: String, showsPersonalData: Bool, now: Date) async throws -> Issued {
        try requests.evidence.requireSigning()
        var request = try await requests.visible(id, to: principal)
        let database = requests.database
        let read = request
        try await database.transaction { sql in
            try await AccessLog(sql: sql).record(
                userID: principal.user.id, organisationID: principal.organisation.id ?? UUID(), requestID: id, operation: "read",
                purpose: purpose, fields: showsPersonalData ? RequestService.personalFields : [],
                digest: showsPersonalData ? RequestRecord.personalDataDigest(of: read) : nil, at: now)
        }
        var signed: LogCheckpoint?
        // The request and the checkpoint must show the same moment: a step between the two would
        // put content and log out of step, so the request is read again until it stands still.
        // A checkpoint younger than a minute that covers the request's last change serves as well
        // as a new one (this download's own read then appears in the next evidence, not this one).
        for _ in 0..<5 {
            let lastChange = try await Self.lastChange(of: id, sql: database.sql)
            if let recent = try await checkpointer.recent(covering: lastChange, now: now) {
                signed = recent
            } else {
                signed = try await checkpointer.checkpoint(now: now, force: true)
            }
            let again = try await requests.visible(id, to: principal)
            if again.version == request.version { break }
            request = again
            signed = nil
        }
        guard let checkpoint = signed else { throw InformationRequestError.conflict(currentVersion: request.version) }
        let rows = try await database.sql.raw(
            """
            SELECT c.seq AS chain_seq, p.entry_hash AS previous_hash, a.* FROM access_log a
            JOIN log_chain c ON c.entry_id = a.id LEFT JOIN log_chain p ON p.seq = c.seq - 1
            WHERE a.request_id = \(bind: id.uuidString.lowercased()) AND c.seq < \(bind: checkpoint.treeSize) ORDER BY c.seq
            """
        ).all()
        let entries = try await Self.proved(rows, treeSize: checkpoint.treeSize, sql: database.sql)
        let attachments = try await AttachmentRepository(sql: database.sql, keys: requests.keys).list(of: id)
        let evidence = ExchangeEvidence(request: request, attachments: attachments, entries: entries, checkpoint: checkpoint, issuedAt: now)
        let jws = try CompactJWS.sign(payload: evidence.payload.bytes, type: ExchangeEvidence.type, with: try checkpointer.keys.current())
        return Issued(request: request, attachments: attachments, checkpoint: checkpoint, entries: entries.count, jws: jws.serialized)
    }

    /// Log rows (with `chain_seq` and `previous_hash`) as entries with their audit paths in the tree of `treeSize`.
    static func proved(_ rows: [any SQLRow], treeSize: Int64, sql: any SQLDatabase) async throws -> [ExchangeEvidence.ProvedEntry] {
        let proofs = LogProofs(sql: sql)
        var entries: [ExchangeEvidence.ProvedEntry] = []
        for row in rows {
            let sequence = try row.decode(column: "chain_seq", as: Int64.self)
            let entry = try LogEntry(
                accessLogRow: row, sequence: sequence,
                previous: try row.decode(column: "previous_hash", as: String?.self) ?? LogEntry.origin)
            entries.append(.init(entry: entry, proof: try await proofs.inclusionProof(sequence: sequence, treeSize: treeSize)))
        }
        return entries
    }
}
