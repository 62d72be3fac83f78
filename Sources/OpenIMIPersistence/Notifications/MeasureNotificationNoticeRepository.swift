import Foundation
import OpenIMIDomain
import SQLKit

/// A notice of a notification's step in an organisation's inbox: which notification, what
/// happened, when. The title stays out: the notice names the number and the procedure.
public struct MeasureNotificationNotice: Sendable, Hashable, Codable {
    /// The notification's id.
    public var notificationId: String
    /// What happened (`send`, `comment`, `close`).
    public var action: String
    /// When, in seconds since 1970.
    public var at: Int64
    /// The notification's number.
    public var number: String
    /// The notification's procedure.
    public var procedure: String
    /// The notification's legal area, sender, sender's state and state, for deciding who reads the notice.
    public var legalArea: String
    public var senderId: String
    public var senderState: String
    public var state: String
}

/// The notices of notifications in organisations' inboxes.
public struct MeasureNotificationNoticeRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records that `action` happened to `notification`, for each of `organisations`, in one statement.
    public func record(
        _ action: MeasureNotificationAction, on notification: MeasureNotificationID, for organisations: [UUID], at now: Date
    ) async throws {
        guard !organisations.isEmpty else { return }
        let insert = sql.insert(into: "measure_notification_notice").columns("id", "organisation_id", "notification_id", "action", "at")
        for organisation in organisations {
            insert.values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(organisation.uuidString.lowercased()),
                SQLBind(notification.description), SQLBind(action.rawValue), SQLBind(now.epochSeconds))
        }
        try await insert.run()
    }

    /// The latest notices of `organisation`, newest first.
    public func latest(for organisation: UUID, limit: Int = 20) async throws -> [MeasureNotificationNotice] {
        try await sql.raw(
            """
            SELECT n.notification_id, n.action, n.at, m.number, m.procedure, m.legal_area, m.sender_id, m.sender_state, m.state
            FROM measure_notification_notice n JOIN measure_notification m ON m.id = n.notification_id
            WHERE n.organisation_id = \(bind: organisation.uuidString.lowercased())
            ORDER BY n.at DESC, n.id LIMIT \(literal: limit)
            """
        ).all(decoding: MeasureNotificationNotice.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
