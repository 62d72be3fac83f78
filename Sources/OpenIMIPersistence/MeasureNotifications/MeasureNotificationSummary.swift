import Foundation
import OpenIMIDomain
import SQLKit

/// A notification in a list: what it is and where it stands.
public struct MeasureNotificationSummary: Sendable, Hashable {
    /// Its identifier.
    public let id: MeasureNotificationID
    /// Its number (`N-DK-2026-000003`).
    public let number: String
    /// Its procedure.
    public let procedure: ProcedureCode
    /// Its legal area.
    public let legalArea: LegalAreaCode
    /// The notifying organisation.
    public let sender: UUID
    /// Its member state.
    public let senderState: MemberStateCode
    /// Its title.
    public let title: String
    /// Where it stands.
    public let state: MeasureNotificationState
    /// When it was sent.
    public let sentAt: Date?
    /// Its last change.
    public let updatedAt: Date

    init(row: any SQLRow) throws {
        let table = MeasureNotificationRepository.table
        id = MeasureNotificationID(try row.decodeUUID(column: "id", table: table))
        number = try row.decode(column: "number", as: String.self)
        procedure = try row.decode(column: "procedure", as: ProcedureCode.self, table: table)
        legalArea = try row.decode(column: "legal_area", as: LegalAreaCode.self, table: table)
        sender = try row.decodeUUID(column: "sender_id", table: table)
        senderState = try row.decode(column: "sender_state", as: MemberStateCode.self, table: table)
        title = try row.decode(column: "title", as: String.self)
        state = try row.decode(column: "state", as: MeasureNotificationState.self, table: table)
        sentAt = try row.decode(column: "sent_at", as: Int64?.self).map { Date(timeIntervalSince1970: Double($0)) }
        updatedAt = Date(timeIntervalSince1970: Double(try row.decode(column: "updated_at", as: Int64.self)))
    }
}

extension MeasureNotificationRepository {
    static let summaryColumns =
        "n.id, n.number, n.procedure, n.legal_area, n.sender_id, n.sender_state, n.title, n.state, n.sent_at, n.updated_at"

    /// The newest `limit` notifications of `organisation`, drafts included.
    public func sent(by organisation: UUID, limit: Int = 100) async throws -> [MeasureNotificationSummary] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.summaryColumns) FROM measure_notification n
            WHERE n.sender_id = \(bind: organisation.uuidString.lowercased()) ORDER BY n.updated_at DESC, n.id LIMIT \(bind: limit)
            """
        ).all().map(MeasureNotificationSummary.init)
    }

    /// The newest `limit` notifications sent to `state` in `areas` (every area when nil), changed at
    /// or after `since` when given.
    public func received(
        in state: MemberStateCode, areas: Set<String>?, since: Date? = nil, limit: Int = 100
    ) async throws -> [MeasureNotificationSummary] {
        if let areas, areas.isEmpty { return [] }
        let areaFilter: SQLQueryString = areas.map { "AND n.legal_area IN (\(binds: $0.sorted()))" } ?? ""
        let sinceFilter: SQLQueryString = since.map { "AND r.updated_at >= \(bind: $0.epochSeconds)" } ?? ""
        return try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.summaryColumns) FROM measure_notification_recipient r
            JOIN measure_notification n ON n.id = r.notification_id
            WHERE r.member_state = \(bind: state.rawValue) \(areaFilter) \(sinceFilter)
            ORDER BY r.updated_at DESC, n.id LIMIT \(bind: limit)
            """
        ).all().map(MeasureNotificationSummary.init)
    }
}
