import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// The record of processing of one authority for a period, for a data protection authority
/// (IMI Regulation, Art. 21): which requests it took part in, which categories of data they hold,
/// with which states, and every log entry about them in the period with its inclusion proof,
/// signed as a compact JWS like the exchange evidence. It holds no personal data.
public struct SupervisoryExport: Sendable {
    /// The JWS `typ` of an export.
    public static let type = "openimi-supervisory-export+jws"
    /// The longest period one export covers, in days.
    public static let maximumDays = 1_830

    /// The requests, for their question sets and the database.
    public let requests: RequestService
    /// Signs a checkpoint covering the newest entries before proofs are made.
    public let checkpointer: LogCheckpointer

    /// Creates the export service.
    public init(requests: RequestService, checkpointer: LogCheckpointer) {
        self.requests = requests
        self.checkpointer = checkpointer
    }

    /// What was exported.
    public struct Issued: Sendable {
        /// How many requests it covers.
        public let requests: Int
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
        let requestRows = try await sql.raw(
            """
            SELECT r.id, r.procedure, r.legal_area, r.state, r.questions, r.requester_id, r.responder_id, r.earlier_responders, r.referred_to,
              r.retention_phase, r.created_at, r.formal_closure_at
            FROM information_request r
            WHERE (r.requester_id = \(bind: organisation) OR r.responder_id = \(bind: organisation))
              AND EXISTS (SELECT 1 FROM access_log a WHERE a.request_id = r.id AND a.at >= \(bind: start.epochSeconds)
                AND a.at < \(bind: endExclusive.epochSeconds))
            ORDER BY r.created_at, r.id
            """
        ).all()
        var states: [String: String] = [:]
        var payloadRequests: [CanonicalJSON] = []
        var ids: [String] = []
        for row in requestRows {
            let id = try row.decode(column: "id", as: String.self)
            ids.append(id)
            let involvement = try RequestRepository.involvement(row)
            var counterpartStates = Set<String>()
            for party in [involvement.requester, involvement.responder] + involvement.earlierResponders where party != authorityID {
                let key = party.uuidString.lowercased()
                if states[key] == nil {
                    states[key] = try await AuthorityRepository(sql: sql).find(party)?.memberState.rawValue ?? "?"
                }
                counterpartStates.insert(states[key] ?? "?")
            }
            let procedure = try row.decode(column: "procedure", as: String.self)
            let asked = try JSONText.decode([String].self, from: try row.decode(column: "questions", as: String.self))
            payloadRequests.append(
                .object([
                    "id": .string(id), "procedure": .string(procedure),
                    "legalArea": .string(try row.decode(column: "legal_area", as: String.self)),
                    "state": .string(try row.decode(column: "state", as: String.self)),
                    "role": .string(involvement.requester == authorityID ? "requester" : "responder"),
                    "retentionPhase": .string(try row.decode(column: "retention_phase", as: String.self)),
                    "createdAt": .integer(try row.decode(column: "created_at", as: Int64.self)),
                    "formalClosureAt": try row.decode(column: "formal_closure_at", as: Int64?.self).map { .integer($0) } ?? .null,
                    "counterpartStates": .array(counterpartStates.sorted().map { .string($0) }),
                    "categories": .array(DataCategory.of(asked: asked, in: requests.questionSets[procedure]).map { .string($0.rawValue) }),
                ]))
        }
        var entries: [ExchangeEvidence.ProvedEntry] = []
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
            let rows = try await sql.raw(
                """
                SELECT c.seq AS chain_seq, p.entry_hash AS previous_hash, a.* FROM access_log a
                JOIN log_chain c ON c.entry_id = a.id LEFT JOIN log_chain p ON p.seq = c.seq - 1
                WHERE a.request_id IN (\(binds: Array(chunk))) AND a.at >= \(bind: start.epochSeconds)
                  AND a.at < \(bind: endExclusive.epochSeconds) AND c.seq < \(bind: checkpoint.treeSize) ORDER BY c.seq
                """
            ).all()
            entries += try await ExchangeEvidenceService.proved(rows, treeSize: checkpoint.treeSize, sql: sql)
        }
        entries.sort { $0.entry.sequence < $1.entry.sequence }
        let payload = CanonicalJSON.object([
            "type": .string("openimi.supervisory-export"), "version": .integer(1), "issuedAt": .integer(now.epochSeconds),
            "authority": .object(["id": .string(organisation), "memberState": .string(authority.memberState.rawValue)]),
            "period": .object(["from": .string(from), "through": .string(through)]),
            "exportedBy": .object([
                "user": .string(principal.user.id.uuidString.lowercased()),
                "organisation": .string((principal.organisation.id ?? UUID()).uuidString.lowercased()),
            ]),
            "requests": .array(payloadRequests),
            "log": ExchangeEvidence.log(entries, checkpoint: checkpoint),
        ])
        let jws = try CompactJWS.sign(payload: payload.bytes, type: Self.type, with: try checkpointer.keys.current())
        return Issued(requests: payloadRequests.count, entries: entries.count, jws: jws.serialized)
    }

    static func day(_ text: String) -> Date? {
        guard DataSubject.isCalendarDay(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}

/// Why an export was refused.
public enum SupervisoryExportError: Error, Sendable, Hashable {
    /// The period is not two days YYYY-MM-DD, in order, at most five years apart.
    case invalidPeriod
}
