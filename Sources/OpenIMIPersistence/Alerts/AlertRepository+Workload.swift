import Foundation
import OpenIMIDomain
import SQLKit

extension AlertRepository {
    /// Alerts delivered to `memberState` in `areas` (nil: all) that no one has routed yet, while they are sent.
    public func countToRoute(in memberState: MemberStateCode, areas: Set<String>?) async throws -> Int {
        if let areas, areas.isEmpty { return 0 }
        let areaFilter: SQLQueryString = areas.map { "AND a.legal_area IN (\(binds: $0.sorted()))" } ?? ""
        return try await count(
            """
            SELECT COUNT(*) AS n FROM alert_delivery d JOIN alert a ON a.id = d.alert_id
            WHERE d.member_state = \(bind: memberState.rawValue) AND d.state = 'received' AND a.state = 'sent' \(areaFilter)
            """)
    }

    /// Sent alerts in `areas` routed to `authority` that it has not acknowledged.
    public func countToAcknowledge(by authority: UUID, areas: Set<String>) async throws -> Int {
        guard !areas.isEmpty else { return 0 }
        return try await count(
            """
            SELECT COUNT(*) AS n FROM alert_routing r JOIN alert a ON a.id = r.alert_id
            WHERE r.authority_id = \(bind: authority.uuidString.lowercased()) AND r.acknowledged = \(bind: false) AND a.state = 'sent'
              AND a.legal_area IN (\(binds: areas.sorted()))
            """)
    }

    /// Drafts of `authority` in `areas`, and of them those whose decision was taken on or before `lateDecisionDay`.
    public func countDrafts(of authority: UUID, areas: Set<String>, lateDecisionDay: Date) async throws -> (all: Int, late: Int) {
        guard !areas.isEmpty else { return (0, 0) }
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN decision_day <= \(bind: lateDecisionDay.epochSeconds) THEN 1 ELSE 0 END), 0) AS late
            FROM alert WHERE sender_id = \(bind: authority.uuidString.lowercased()) AND state = 'draft'
              AND legal_area IN (\(binds: areas.sorted())) AND retention_phase = 'active'
            """
        ).first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "late", as: Int.self) ?? 0)
    }

    private func count(_ query: SQLQueryString) async throws -> Int {
        try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}

extension AlertRepository {
    /// The decision day and sending time of every alert `senders` sent that reports a dated decision,
    /// for the timeliness indicators.
    public func timings(sentBy senders: [UUID]) async throws -> [TimelinessIndicators.AlertTiming] {
        guard !senders.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT decision_day, sent_at FROM alert
            WHERE sender_id IN (\(binds: senders.map { $0.uuidString.lowercased() })) AND sent_at IS NOT NULL AND decision_day IS NOT NULL
            """
        ).all().map {
            TimelinessIndicators.AlertTiming(
                decisionDay: Date(timeIntervalSince1970: TimeInterval(try $0.decode(column: "decision_day", as: Int64.self))),
                sentAt: Date(timeIntervalSince1970: TimeInterval(try $0.decode(column: "sent_at", as: Int64.self))))
        }
    }
}
