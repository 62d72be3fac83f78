import Foundation
import OpenIMIDomain
import SQLKit

/// A message waiting for delivery: whom to tell which request changed. The text is rendered at
/// delivery in the recipient's language; it contains a link, never personal data.
public struct OutboxMessage: Sendable, Hashable, Codable {
    public var id: String
    public var recipient: String
    public var language: String
    public var requestId: String
    public var action: String
    public var createdAt: Int64
    public var attempts: Int
    /// The request's number, when the request is still there.
    public var number: String?
    /// The request's procedure code, when the request is still there.
    public var procedure: String?
    /// The alert's id, for a message about an alert (whose id is then also `requestId`).
    public var alertId: String?
    /// The notification's id, for a message about a notification (whose id is then also `requestId`).
    public var notificationId: String?
}

/// The table of e-mails to send; filled in the same transaction as the step, emptied by the
/// delivery job only when an SMTP server is configured.
public struct MailOutbox: Sendable {
    /// After this many failed attempts a message is no longer tried.
    public static let maximumAttempts = 5

    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates the outbox over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Queues one message about `action` on `requestID` for each recipient, in one statement.
    public func enqueue(
        recipients: [(address: String, language: Language)], requestID: UUID, action: String, at now: Date
    ) async throws {
        guard !recipients.isEmpty else { return }
        let insert = sql.insert(into: "mail_outbox")
            .columns("id", "recipient", "language", "request_id", "action", "created_at", "attempts")
        for recipient in recipients {
            insert.values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(recipient.address), SQLBind(recipient.language.rawValue),
                SQLBind(requestID.uuidString.lowercased()), SQLBind(action), SQLBind(now.epochSeconds), SQLBind(0))
        }
        try await insert.run()
    }

    /// Queues one message about `action` on alert `alertID` for each recipient, in one statement.
    public func enqueue(recipients: [(address: String, language: Language)], alertID: UUID, action: String, at now: Date) async throws {
        try await enqueue(recipients: recipients, subject: alertID, column: "alert_id", action: action, at: now)
    }

    /// Queues one message about `action` on notification `notificationID` for each recipient, in one statement.
    public func enqueue(
        recipients: [(address: String, language: Language)], notificationID: UUID, action: String, at now: Date
    ) async throws {
        try await enqueue(recipients: recipients, subject: notificationID, column: "notification_id", action: action, at: now)
    }

    /// An alert's or a notification's message: its id in `column` and, for the rows' shape, in `request_id`.
    private func enqueue(
        recipients: [(address: String, language: Language)], subject: UUID, column: String, action: String, at now: Date
    ) async throws {
        guard !recipients.isEmpty else { return }
        let insert = sql.insert(into: "mail_outbox")
            .columns("id", "recipient", "language", "request_id", column, "action", "created_at", "attempts")
        for recipient in recipients {
            insert.values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(recipient.address), SQLBind(recipient.language.rawValue),
                SQLBind(subject.uuidString.lowercased()), SQLBind(subject.uuidString.lowercased()), SQLBind(action),
                SQLBind(now.epochSeconds), SQLBind(0))
        }
        try await insert.run()
    }

    /// Queues one message about `action` on `requestID` for `recipient`.
    public func enqueue(recipient: String, language: Language, requestID: UUID, action: String, at now: Date) async throws {
        try await enqueue(recipients: [(recipient, language)], requestID: requestID, action: action, at: now)
    }

    /// Messages not yet sent and not given up on, oldest first.
    public func pending(limit: Int = 100) async throws -> [OutboxMessage] {
        try await sql.raw(
            """
            SELECT m.id, m.recipient, m.language, m.request_id, m.alert_id, m.notification_id, m.action, m.created_at, m.attempts,
                COALESCE(r.number, a.number, n.number) AS number, COALESCE(r.procedure, a.procedure, n.procedure) AS procedure
            FROM mail_outbox m LEFT JOIN information_request r ON r.id = m.request_id LEFT JOIN alert a ON a.id = m.alert_id
                LEFT JOIN measure_notification n ON n.id = m.notification_id
            WHERE m.sent_at IS NULL AND m.attempts < \(literal: Self.maximumAttempts)
            ORDER BY m.created_at, m.id LIMIT \(literal: limit)
            """
        ).all(decoding: OutboxMessage.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Marks `id` as delivered.
    public func markSent(_ id: String, at now: Date) async throws {
        try await sql.update("mail_outbox").set("sent_at", to: now.epochSeconds).set("last_error", to: SQLLiteral.null)
            .where("id", .equal, id).run()
    }

    /// Records a failed attempt with its reason.
    public func markFailed(_ id: String, reason: String) async throws {
        try await sql.update("mail_outbox").set("attempts", to: SQLRaw("attempts + 1")).set("last_error", to: String(reason.prefix(500)))
            .where("id", .equal, id).run()
    }

    /// How many messages are waiting.
    public func pendingCount() async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("mail_outbox")
            .where("sent_at", .is, SQLLiteral.null).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
