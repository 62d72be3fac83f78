import Foundation
import OpenIMIDomain
import SQLKit

/// A notice of an alert's step in an organisation's inbox: which alert, what happened, when. No personal data.
public struct AlertNotification: Sendable, Hashable, Codable {
    /// The alert's id.
    public var alertId: String
    /// What happened (`send`, `route`, …).
    public var action: String
    /// When, in seconds since 1970.
    public var at: Int64
    /// The alert's number.
    public var number: String
    /// The alert's procedure.
    public var procedure: String
}

/// The notices of alerts in organisations' inboxes.
public struct AlertNotificationRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records that `action` happened to `alert`, for each of `organisations`, in one statement.
    public func record(_ action: AlertAction, on alert: Alert, for organisations: [UUID], at now: Date) async throws {
        guard !organisations.isEmpty else { return }
        let insert = sql.insert(into: "alert_notification").columns("id", "organisation_id", "alert_id", "legal_area", "action", "at")
        for organisation in organisations {
            insert.values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(organisation.uuidString.lowercased()), SQLBind(alert.id.description),
                SQLBind(alert.legalArea.rawValue), SQLBind(action.rawValue), SQLBind(now.epochSeconds))
        }
        try await insert.run()
    }

    /// The latest notices of `organisation` about alerts in `areas` (nil: every area), newest first.
    public func latest(for organisation: UUID, areas: Set<String>?, limit: Int = 20) async throws -> [AlertNotification] {
        if let areas, areas.isEmpty { return [] }
        let areaFilter: SQLQueryString = areas.map { "AND n.legal_area IN (\(binds: $0.sorted()))" } ?? ""
        return try await sql.raw(
            """
            SELECT n.alert_id, n.action, n.at, a.number, a.procedure
            FROM alert_notification n JOIN alert a ON a.id = n.alert_id
            WHERE n.organisation_id = \(bind: organisation.uuidString.lowercased()) \(areaFilter)
            ORDER BY n.at DESC, n.id LIMIT \(literal: limit)
            """
        ).all(decoding: AlertNotification.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
