import Foundation
import SQLKit

/// Reads what a data protection authority's supervisory export covers.
public struct SupervisionRepository: Sendable {
    /// The database or transaction to read.
    public let sql: any SQLDatabase

    /// Reads through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The requests `authority` took part in as requester or responder that have access-log entries
    /// written in [`from`, `until`), oldest first.
    public func requests(of authority: UUID, from: Int64, until: Int64) async throws -> [SupervisedRequest] {
        let organisation = authority.uuidString.lowercased()
        return try await sql.raw(
            """
            SELECT r.id, r.number, r.procedure, r.legal_area, r.state, r.questions, r.requester_id, r.responder_id, r.earlier_responders, r.referred_to,
              r.retention_phase, r.created_at, r.formal_closure_at
            FROM information_request r
            WHERE (r.requester_id = \(bind: organisation) OR r.responder_id = \(bind: organisation))
              AND EXISTS (SELECT 1 FROM access_log a WHERE a.request_id = r.id AND a.at >= \(bind: from) AND a.at < \(bind: until))
            ORDER BY r.created_at, r.id
            """
        ).all().map { row in
            SupervisedRequest(
                id: try row.decode(column: "id", as: String.self),
                number: try row.decode(column: "number", as: String.self),
                procedure: try row.decode(column: "procedure", as: String.self),
                legalArea: try row.decode(column: "legal_area", as: String.self),
                state: try row.decode(column: "state", as: String.self),
                questions: try JSONText.decode([String].self, from: try row.decode(column: "questions", as: String.self)),
                involvement: try RequestRepository.involvement(row),
                retentionPhase: try row.decode(column: "retention_phase", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self),
                formalClosureAt: try row.decode(column: "formal_closure_at", as: Int64?.self))
        }
    }

    /// The alerts `authority` sent or was routed to that have access-log entries written in
    /// [`from`, `until`), oldest first.
    public func alerts(of authority: UUID, from: Int64, until: Int64) async throws -> [SupervisedAlert] {
        let organisation = authority.uuidString.lowercased()
        let rows = try await sql.raw(
            """
            SELECT a.id, a.number, a.procedure, a.legal_area, a.state, a.sender_id, a.sender_state, a.retention_phase, a.created_at,
              a.sent_at, a.finished_at, (SELECT MIN(r.member_state) FROM alert_routing r WHERE r.alert_id = a.id AND r.authority_id = \(bind: organisation)) AS routed_state
            FROM alert a
            WHERE (a.sender_id = \(bind: organisation)
                OR EXISTS (SELECT 1 FROM alert_routing r WHERE r.alert_id = a.id AND r.authority_id = \(bind: organisation)))
              AND EXISTS (SELECT 1 FROM access_log l WHERE l.request_id = a.id AND l.at >= \(bind: from) AND l.at < \(bind: until))
            ORDER BY a.created_at, a.id
            """
        ).all()
        var alerts: [SupervisedAlert] = []
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let sender = try row.decode(column: "sender_id", as: String.self)
            let sent = sender == organisation
            let states =
                sent
                ? try await sql.raw("SELECT member_state FROM alert_delivery WHERE alert_id = \(bind: id) ORDER BY member_state").all()
                    .map { try $0.decode(column: "member_state", as: String.self) }
                : [try row.decode(column: "routed_state", as: String?.self)].compactMap { $0 }
            alerts.append(
                SupervisedAlert(
                    id: id, number: try row.decode(column: "number", as: String.self),
                    procedure: try row.decode(column: "procedure", as: String.self),
                    legalArea: try row.decode(column: "legal_area", as: String.self),
                    state: try row.decode(column: "state", as: String.self),
                    sent: sent, sender: sender, senderState: try row.decode(column: "sender_state", as: String.self),
                    recipientStates: states,
                    retentionPhase: try row.decode(column: "retention_phase", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Int64.self),
                    sentAt: try row.decode(column: "sent_at", as: Int64?.self),
                    finishedAt: try row.decode(column: "finished_at", as: Int64?.self)))
        }
        return alerts
    }
}
