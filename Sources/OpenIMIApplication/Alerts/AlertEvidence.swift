import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// The signed JSON evidence of one alert: its parties, deliveries and steps, the hash of its
/// content, the log entries that concern it and each entry's inclusion proof against a signed
/// checkpoint. Shaped like an exchange's evidence, with `alert` in place of `request`, so the same
/// verifier checks it. It holds no personal data: the content appears only as its SHA-256.
public struct AlertEvidence: Sendable {
    /// The JWS `typ` of the evidence.
    public static let type = "openimi-alert-evidence+jws"

    /// The alert.
    public let alert: Alert
    /// Its log entries, oldest first, each proved.
    public let entries: [ProvedLogEntry]
    /// The checkpoint the proofs lead to.
    public let checkpoint: LogCheckpoint
    /// The log's note key that signed the checkpoint, and the witnesses asked to cosign it.
    public let witnessing: ExchangeEvidence.Witnessing
    /// When the evidence was issued.
    public let issuedAt: Date

    /// The payload, in RFC 8785 canonical form.
    public var payload: CanonicalJSON {
        func id(_ uuid: UUID) -> CanonicalJSON { .string(uuid.uuidString.lowercased()) }
        func time(_ date: Date?) -> CanonicalJSON { date.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null }
        func ids(_ set: some Collection<UUID>) -> CanonicalJSON {
            .array(set.map { $0.uuidString.lowercased() }.sorted().map { .string($0) })
        }
        let steps: [CanonicalJSON] = alert.steps.enumerated().map { position, step in
            .object([
                "position": .integer(Int64(position)), "action": step.action.map { .string($0.rawValue) } ?? .null,
                "memberState": step.memberState.map { .string($0.rawValue) } ?? .null, "at": time(step.at),
                "user": id(step.actor.userID.uuid), "organisation": id(step.actor.organisationID), "routedTo": ids(step.routedTo),
                "automatic": .bool(step.automatic),
            ])
        }
        let deliveries: [CanonicalJSON] = alert.deliveries.sorted { $0.key < $1.key }.map { state, delivery in
            .object([
                "memberState": .string(state.rawValue), "state": .string(delivery.state.rawValue), "routedTo": ids(delivery.routedTo),
                "acknowledgedBy": ids(delivery.acknowledgedBy),
            ])
        }
        return .object([
            "type": .string("openimi.alert-evidence"), "version": .integer(1), "issuedAt": time(issuedAt),
            "alert": .object([
                "id": id(alert.id.uuid), "number": .string(alert.number.description), "procedure": .string(alert.procedure.rawValue),
                "legalArea": .string(alert.legalArea.rawValue), "state": .string(alert.state.rawValue), "sender": id(alert.sender),
                "senderState": .string(alert.senderState.rawValue), "sentAt": time(alert.sentAt), "finishedAt": time(alert.finishedAt),
                "deliveries": .array(deliveries), "steps": .array(steps),
            ]),
            "content": .object([
                "personalDataSha256": .string(AlertRepository.personalDataDigest(of: alert)),
                "versions": .integer(Int64(alert.contents.count)),
                "attachments": .array([]),
            ]),
            "log": ExchangeEvidence.log(entries, checkpoint: checkpoint, witnessing: witnessing),
        ])
    }
}

extension AlertService {
    /// What was issued: the alert as the evidence shows it, and the signed evidence.
    public struct IssuedEvidence: Sendable {
        /// The alert as the reader may see it, at the moment the checkpoint covers.
        public let alert: Alert
        /// The checkpoint the evidence's proofs lead to.
        public let checkpoint: LogCheckpoint
        /// How many log entries the evidence proves.
        public let entries: Int
        /// Which witnesses cosigned the checkpoint, of those configured.
        public let witnesses: WitnessQuorum.Outcome
        /// The signed evidence, a compact JWS.
        public let jws: String
    }

    /// The evidence of alert `id` as a compact JWS, for its readers; the download is logged first,
    /// so the evidence proves it too.
    public func evidence(of id: AlertID, by principal: Principal, checkpointer: LogCheckpointer, now: Date) async throws -> String {
        try await issueEvidence(
            of: id, by: principal, purpose: .read(.api, .getEvidence), showsPersonalData: false, checkpointer: checkpointer, now: now
        ).jws
    }

    /// Issues the evidence of alert `id`, logging the download with `purpose` first; when what is
    /// issued shows the content (the PDF report), the log records it as read.
    public func issueEvidence(
        of id: AlertID, by principal: Principal, purpose: AccessPurpose, showsPersonalData: Bool, checkpointer: LogCheckpointer,
        now: Date
    ) async throws -> IssuedEvidence {
        try evidence.requireSigning()
        let read = try await visible(id, to: principal, action: .readAlert)
        try await database.transaction { sql in
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid, operation: .read,
                purpose: purpose, fields: showsPersonalData ? Self.personalFields : [],
                digest: showsPersonalData ? AlertRepository.personalDataDigest(of: read) : nil, at: now)
        }
        guard
            let (alert, checkpoint) = try await checkpointer.stillCheckpoint(
                of: id.uuid, now: now, read: { try await visible(id, to: principal, action: .readAlert) }, version: { $0.version })
        else { throw AlertError.conflict(currentVersion: read.version) }
        // A recipient's evidence proves the entries of the parties it may know of, not other states' readers.
        let isSender = principal.organisation.id.uuid == alert.sender
        let parties = Set(alert.parties(seenFrom: principal.organisation.memberState).map { $0.uuidString.lowercased() })
        let entries = try await RequestLogRepository(sql: database.sql).provedEntries(of: id.uuid, treeSize: checkpoint.treeSize)
            .filter { isSender || parties.contains($0.entry.organisation) }
        let shown = Self.asSeen(alert, by: principal)
        let witnessing = try checkpointer.witnessingStatement()
        let issued = AlertEvidence(alert: shown, entries: entries, checkpoint: checkpoint, witnessing: witnessing, issuedAt: now)
        let jws = try CompactJWS.sign(payload: issued.payload.bytes, type: AlertEvidence.type, with: try checkpointer.keys.current())
        return IssuedEvidence(
            alert: shown, checkpoint: checkpoint, entries: entries.count, witnesses: witnessing.witnesses.evaluate(checkpoint.note),
            jws: jws.serialized)
    }
}
