import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// The record of processing of one authority for a period, for a data protection authority
/// (IMI Regulation, Art. 21): which requests and alerts it took part in, which categories of data
/// they hold, with which states, and every log entry about them in the period with its inclusion
/// proof, signed as a compact JWS like the exchange evidence. It holds no personal data.
public struct SupervisoryExport: Sendable {
    /// The JWS `typ` of an export.
    public static let type = "openimi-supervisory-export+jws"
    /// The longest period one export covers, in days.
    public static let maximumDays = 1_830

    /// The requests, for their question sets and the database.
    public let requests: RequestService
    /// The alert templates by procedure, for the categories of data an alert holds.
    public let alertTemplates: [String: AlertTemplate]
    /// Signs a checkpoint covering the newest entries before proofs are made.
    public let checkpointer: LogCheckpointer

    /// Creates the export service.
    public init(requests: RequestService, alertTemplates: [String: AlertTemplate], checkpointer: LogCheckpointer) {
        self.requests = requests
        self.alertTemplates = alertTemplates
        self.checkpointer = checkpointer
    }

    /// What was exported.
    public struct Issued: Sendable {
        /// How many requests it covers.
        public let requests: Int
        /// How many alerts it covers.
        public let alerts: Int
        /// How many log entries it proves.
        public let entries: Int
        /// The signed export.
        public let jws: String
    }

    /// Exports the record of `authorityID` for the UTC days `from` through `through` (YYYY-MM-DD),
    /// for its local data administrator or its state's national coordinator.
    public func export(
        authority authorityID: UUID, from: String, through: String, by principal: Principal, now: Date
    ) async throws -> Issued {
        try requests.evidence.requireSigning()
        guard let authority = try await AuthorityRepository(sql: requests.database.sql).find(authorityID) else {
            throw InformationRequestError.notFound
        }
        try requests.identity.authorize(principal, .exportSupervisoryRecord, on: .organisation(Organisation(authority: authority)))
        guard let start = Self.day(from), let end = Self.day(through) else { throw SupervisoryExportError.invalidPeriod }
        let endExclusive = end.addingTimeInterval(86_400)
        guard start < endExclusive, endExclusive.timeIntervalSince(start) <= Double(Self.maximumDays) * 86_400 else {
            throw SupervisoryExportError.invalidPeriod
        }
        guard let checkpoint = try await checkpointer.checkpoint(now: now, force: true) else { throw EvidenceError.signingUnavailable }
        let sql = requests.database.sql
        let organisation = authorityID.uuidString.lowercased()
        let supervised = try await SupervisionRepository(sql: sql).requests(
            of: authorityID, from: start.epochSeconds, until: endExclusive.epochSeconds)
        var states = OrganisationStates(sql: sql)
        var payloadRequests: [CanonicalJSON] = []
        var ids: [String] = []
        for request in supervised {
            ids.append(request.id)
            let involvement = request.involvement
            var counterpartStates = Set<String>()
            for party in [involvement.requester, involvement.responder] + involvement.earlierResponders where party.uuid != authorityID {
                counterpartStates.insert(try await states.state(of: party.description) ?? "?")
            }
            payloadRequests.append(
                .object([
                    "id": .string(request.id), "number": .string(request.number), "procedure": .string(request.procedure),
                    "legalArea": .string(request.legalArea),
                    "state": .string(request.state),
                    "role": .string(involvement.requester.uuid == authorityID ? "requester" : "responder"),
                    "retentionPhase": .string(request.retentionPhase),
                    "createdAt": .integer(request.createdAt),
                    "formalClosureAt": request.formalClosureAt.map { .integer($0) } ?? .null,
                    "counterpartStates": .array(counterpartStates.sorted().map { .string($0) }),
                    "categories": .array(
                        DataCategory.of(asked: request.questions, in: requests.questionSets[request.procedure]).map { .string($0.rawValue) }
                    ),
                ]))
        }
        let alerts = try await SupervisionRepository(sql: sql).alerts(
            of: authorityID, from: start.epochSeconds, until: endExclusive.epochSeconds)
        let payloadAlerts: [CanonicalJSON] = alerts.map { alert in
            func time(_ seconds: Int64?) -> CanonicalJSON { seconds.map { .integer($0) } ?? .null }
            return .object([
                "id": .string(alert.id), "number": .string(alert.number), "procedure": .string(alert.procedure),
                "legalArea": .string(alert.legalArea), "state": .string(alert.state), "role": .string(alert.sent ? "sender" : "recipient"),
                "senderState": .string(alert.senderState), "recipientStates": .array(alert.recipientStates.map { .string($0) }),
                "retentionPhase": .string(alert.retentionPhase), "createdAt": .integer(alert.createdAt), "sentAt": time(alert.sentAt),
                "finishedAt": time(alert.finishedAt),
                "categories": .array(DataCategory.of(alert: alertTemplates[alert.procedure]).map { .string($0.rawValue) }),
            ])
        }
        ids += alerts.map(\.id)
        var entries = try await RequestLogRepository(sql: sql).provedEntries(
            of: ids, from: start.epochSeconds, until: endExclusive.epochSeconds, treeSize: checkpoint.treeSize)
        // Of an alert it received, an authority knows the sender and its own state's parties, never
        // other recipient states' readers: the same view as the alert's evidence gives it.
        let received = Dictionary(uniqueKeysWithValues: alerts.filter { !$0.sent }.map { ($0.id, $0) })
        var kept: [ProvedLogEntry] = []
        for proved in entries {
            guard let alert = received[proved.entry.request] else {
                kept.append(proved)
                continue
            }
            let organisation = proved.entry.organisation
            let platform = RetentionRun.platformActor.uuidString.lowercased()
            if try await states.state(of: organisation) == authority.memberState.rawValue || organisation == alert.sender
                || organisation == platform
            {
                kept.append(proved)
            }
        }
        entries = kept
        let payload = CanonicalJSON.object([
            "type": .string("openimi.supervisory-export"), "version": .integer(1), "issuedAt": .integer(now.epochSeconds),
            "authority": .object(["id": .string(organisation), "memberState": .string(authority.memberState.rawValue)]),
            "period": .object(["from": .string(from), "through": .string(through)]),
            "exportedBy": .object([
                "user": .string(principal.user.id.description),
                "organisation": .string((try principal.actingOrganisationID()).uuidString.lowercased()),
            ]),
            "requests": .array(payloadRequests),
            "alerts": .array(payloadAlerts),
            "log": ExchangeEvidence.log(entries, checkpoint: checkpoint, witnessing: try checkpointer.witnessingStatement()),
        ])
        let jws = try CompactJWS.sign(payload: payload.bytes, type: Self.type, with: try checkpointer.keys.current())
        return Issued(requests: payloadRequests.count, alerts: payloadAlerts.count, entries: entries.count, jws: jws.serialized)
    }

    /// The authorities whose supervisory records `principal` may export: their own authority, or
    /// for a national coordinator the authorities of its state, as the access policy allows.
    public func authorities(exportableBy principal: Principal) async throws -> [Authority] {
        let repository = AuthorityRepository(sql: requests.database.sql)
        var candidates: [Authority] = []
        if let id = principal.organisation.id.authority?.uuid {
            candidates = [try await repository.find(id)].compactMap { $0 }
        } else if principal.organisation.kind == .nationalCoordinator, let state = principal.organisation.memberState {
            candidates = try await repository.list(memberState: state)
        }
        return candidates.filter {
            AccessPolicy.decide(principal, .exportSupervisoryRecord, on: .organisation(Organisation(authority: $0))).isAllowed
        }
    }

    static func day(_ text: String) -> Date? {
        guard DataSubject.isCalendarDay(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
