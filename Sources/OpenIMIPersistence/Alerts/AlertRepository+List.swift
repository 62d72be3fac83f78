import Foundation
import OpenIMIDomain
import SQLKit

extension AlertRepository {
    /// The alerts of `scope`, most recently changed first, without their personal data.
    public func list(_ scope: AlertListScope, limit: Int = 100) async throws -> [AlertSummary] {
        let columns: SQLQueryString =
            "a.id, a.number, a.procedure, a.legal_area, a.sender_id, a.sender_state, a.state, a.version, a.retention_phase, a.decision_day, a.sent_at, a.updated_at"
        let query: SQLQueryString
        switch scope {
        case .sentBy(let authority, let areas):
            guard !areas.isEmpty else { return [] }
            query = """
                SELECT \(columns), NULL AS delivery FROM alert a
                WHERE a.sender_id = \(bind: authority.uuidString.lowercased()) AND a.legal_area IN (\(binds: areas.sorted()))
                ORDER BY a.updated_at DESC, a.id LIMIT \(literal: limit)
                """
        case .routedTo(let authority, let areas):
            guard !areas.isEmpty else { return [] }
            query = """
                SELECT \(columns), d.state AS delivery FROM alert_routing r
                JOIN alert a ON a.id = r.alert_id
                JOIN alert_delivery d ON d.alert_id = r.alert_id AND d.member_state = r.member_state
                WHERE r.authority_id = \(bind: authority.uuidString.lowercased()) AND a.legal_area IN (\(binds: areas.sorted()))
                  AND a.state <> 'draft'
                ORDER BY r.updated_at DESC, r.alert_id LIMIT \(literal: limit)
                """
        case .deliveredTo(let memberState, let areas):
            if let areas, areas.isEmpty { return [] }
            let areaFilter: SQLQueryString = areas.map { "AND a.legal_area IN (\(binds: $0.sorted()))" } ?? ""
            query = """
                SELECT \(columns), d.state AS delivery FROM alert_delivery d
                JOIN alert a ON a.id = d.alert_id
                WHERE d.member_state = \(bind: memberState.rawValue) \(areaFilter) AND a.state <> 'draft'
                ORDER BY d.updated_at DESC, d.alert_id LIMIT \(literal: limit)
                """
        case .procedures(let procedures):
            guard !procedures.isEmpty else { return [] }
            query = """
                SELECT \(columns), NULL AS delivery FROM alert a
                WHERE a.procedure IN (\(binds: procedures.sorted())) AND a.state <> 'draft'
                ORDER BY a.updated_at DESC, a.id LIMIT \(literal: limit)
                """
        }
        return try await sql.raw(query).all().map(Self.summary)
    }

    static func summary(_ row: any SQLRow) throws -> AlertSummary {
        let id = try row.decodeUUID(column: "id", table: "alert")
        guard let number = AlertNumber(try row.decode(column: "number", as: String.self)) else {
            throw PersistenceError.corruptRow(table: "alert", key: id.uuidString.lowercased())
        }
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
        return AlertSummary(
            id: AlertID(id), number: number, procedure: try row.decode(column: "procedure", as: ProcedureCode.self, table: "alert"),
            legalArea: try row.decode(column: "legal_area", as: LegalAreaCode.self, table: "alert"),
            sender: try row.decodeUUID(column: "sender_id", table: "alert"),
            senderState: try row.decode(column: "sender_state", as: MemberStateCode.self, table: "alert"),
            state: try row.decode(column: "state", as: AlertState.self, table: "alert"),
            version: try row.decode(column: "version", as: Int.self),
            delivery: try row.decode(column: "delivery", as: String?.self).flatMap(AlertDeliveryState.init(rawValue:)),
            retentionPhase: try row.decode(column: "retention_phase", as: RetentionPhase.self, table: "alert"),
            decisionDay: try date("decision_day"), sentAt: try date("sent_at"),
            updatedAt: try date("updated_at") ?? Date(timeIntervalSince1970: 0))
    }
}
