import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

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
        /// Which witnesses cosigned the checkpoint, of those configured.
        public let witnesses: WitnessQuorum.Outcome
        /// The signed evidence, a compact JWS.
        public let jws: String
    }

    /// The evidence of request `id` as a compact JWS, for an involved user with a role in its area
    /// (also after closure); the download is itself logged first, so the evidence proves it too.
    public func evidence(of id: RequestID, by principal: Principal, now: Date) async throws -> String {
        try await issue(of: id, by: principal, purpose: .read(.api, .getEvidence), showsPersonalData: false, now: now).jws
    }

    /// Issues the evidence of request `id`, logging the download with `purpose` first; when what is
    /// issued shows the personal data (the PDF report), the log records them as read.
    public func issue(
        of id: RequestID, by principal: Principal, purpose: AccessPurpose, showsPersonalData: Bool, now: Date
    ) async throws -> Issued {
        try requests.evidence.requireSigning()
        let read = try await requests.visible(id, to: principal)
        let database = requests.database
        try await database.transaction { sql in
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid, operation: .read,
                purpose: purpose, fields: showsPersonalData ? RequestService.personalFields : [],
                digest: showsPersonalData ? RequestRecord.personalDataDigest(of: read) : nil, at: now)
        }
        // The request and the checkpoint must show the same moment (this download's own read then
        // appears in the next evidence when a recent checkpoint serves).
        guard
            let (request, checkpoint) = try await checkpointer.stillCheckpoint(
                of: id.uuid, now: now, read: { try await requests.visible(id, to: principal) }, version: { $0.version })
        else { throw InformationRequestError.conflict(currentVersion: read.version) }
        let entries = try await RequestLogRepository(sql: database.sql).provedEntries(of: id.uuid, treeSize: checkpoint.treeSize)
        let attachments = try await AttachmentRepository(sql: database.sql, keys: requests.keys).list(of: id.uuid)
        let witnessing = try checkpointer.witnessingStatement()
        let evidence = ExchangeEvidence(
            request: request, attachments: attachments, entries: entries, checkpoint: checkpoint, witnessing: witnessing, issuedAt: now)
        let jws = try CompactJWS.sign(payload: evidence.payload.bytes, type: ExchangeEvidence.type, with: try checkpointer.keys.current())
        return Issued(
            request: request, attachments: attachments, checkpoint: checkpoint, entries: entries.count,
            witnesses: witnessing.witnesses.evaluate(checkpoint.note), jws: jws.serialized)
    }
}
