import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

extension AlertRepository {
    /// Indexes `alerts` under the blind tokens of the person or business every version of their
    /// content names. Run inside a transaction (the index key is created on first use).
    func index(_ alerts: [Alert]) async throws {
        let index = try await SubjectIndexRepository(sql: sql, ring: keys).index()
        let rows = alerts.flatMap { alert in
            Set(alert.contents.flatMap { SubjectKey.keys(ofAlert: $0.values) }.map(index.token)).map {
                (token: $0, alert: alert.id.description)
            }
        }
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ rows[$0..<min($0 + 500, rows.count)] }) {
            let insert = sql.insert(into: "alert_subject_index").columns("token", "alert_id")
            for row in chunk { insert.values(SQLBind(row.token), SQLBind(row.alert)) }
            try await insert.ignoringConflicts(with: ["token", "alert_id"]).run()
        }
    }

    /// The alerts indexed under any of `tokens` whose personal data are still held, newest first
    /// (at most 1,000, before the caller's access check), with what decides who may see them.
    public func matching(
        tokens: [String], commissionInformed: (String) -> Bool
    ) async throws -> [(summary: AlertSummary, facts: AlertFacts)] {
        guard !tokens.isEmpty else { return [] }
        let summaries = try await sql.raw(
            """
            SELECT DISTINCT a.id, a.number, a.procedure, a.legal_area, a.sender_id, a.sender_state, a.state, a.version, a.retention_phase,
                a.decision_day, a.sent_at, a.updated_at, NULL AS delivery
            FROM alert_subject_index s JOIN alert a ON a.id = s.alert_id
            WHERE s.token IN (\(binds: tokens)) AND a.retention_phase = 'active' ORDER BY a.updated_at DESC, a.id LIMIT 1000
            """
        ).all().map(Self.summary)
        guard !summaries.isEmpty else { return [] }
        var routed: [AlertID: Set<UUID>] = [:]
        var states: [AlertID: Set<MemberStateCode>] = [:]
        let ids = summaries.map(\.id.description)
        for row in try await sql.select().columns("alert_id", "authority_id").from("alert_routing").where("alert_id", .in, ids).all() {
            routed[AlertID(try row.decodeUUID(column: "alert_id", table: "alert_routing")), default: []].insert(
                try row.decodeUUID(column: "authority_id", table: "alert_routing"))
        }
        for row in try await sql.select().columns("alert_id", "member_state").from("alert_delivery").where("alert_id", .in, ids).all() {
            states[AlertID(try row.decodeUUID(column: "alert_id", table: "alert_delivery")), default: []].insert(
                try row.decode(column: "member_state", as: MemberStateCode.self, table: "alert_delivery"))
        }
        return summaries.map { summary in
            (
                summary,
                AlertFacts(
                    sender: summary.sender, senderState: summary.senderState, legalArea: summary.legalArea.rawValue, state: summary.state,
                    recipientStates: states[summary.id] ?? [], routedTo: routed[summary.id] ?? [],
                    commissionInformed: commissionInformed(summary.procedure.rawValue))
            )
        }
    }
}
