import Foundation
import OpenIMIDomain
import SQLKit

/// Stores notifications, the member states they went to and their steps with the comment thread.
public struct MeasureNotificationRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    static let table = "measure_notification"

    /// Stores a new notification. Run inside a transaction.
    public func insert(_ notification: MeasureNotification, now: Date) async throws {
        try await sql.insert(into: Self.table)
            .columns(
                "id", "number", "procedure", "legal_area", "sender_id", "sender_state", "state", "title", "body", "language", "version",
                "created_at", "updated_at", "sent_at"
            )
            .values(
                SQLBind(notification.id.description), SQLBind(notification.numberText), SQLBind(notification.procedure.rawValue),
                SQLBind(notification.legalArea.rawValue), SQLBind(notification.sender.uuidString.lowercased()),
                SQLBind(notification.senderState.rawValue), SQLBind(notification.state.rawValue), SQLBind(notification.title),
                SQLBind(notification.text), SQLBind(notification.language.rawValue), SQLBind(notification.version),
                SQLBind(now.epochSeconds), SQLBind(now.epochSeconds), SQLBind(notification.sentAt?.epochSeconds)
            ).run()
        try await write(notification, storedSteps: 0, now: now)
    }

    /// Saves `notification` if it is still at `expectedVersion`, when it had `storedSteps` steps;
    /// false when someone else changed it first. Run inside a transaction.
    public func update(_ notification: MeasureNotification, expectedVersion: Int, storedSteps: Int, now: Date) async throws -> Bool {
        let updated = try await sql.update(Self.table)
            .set("state", to: notification.state.rawValue).set("version", to: notification.version)
            .set("updated_at", to: now.epochSeconds).set("sent_at", to: notification.sentAt?.epochSeconds)
            .where("id", .equal, notification.id.description).where("version", .equal, expectedVersion).returning("id").all()
        guard !updated.isEmpty else { return false }
        try await write(notification, storedSteps: storedSteps, now: now)
        return true
    }

    private func write(_ notification: MeasureNotification, storedSteps: Int, now: Date) async throws {
        let id = notification.id.description
        if notification.state != .draft {
            // Every recipient state's row carries the last change, so its list reads newest first from an index.
            try await sql.delete(from: "measure_notification_recipient").where("notification_id", .equal, id).run()
            var insert = sql.insert(into: "measure_notification_recipient").columns("notification_id", "member_state", "updated_at")
            for state in notification.recipients.sorted() {
                insert = insert.values(SQLBind(id), SQLBind(state.rawValue), SQLBind(now.epochSeconds))
            }
            try await insert.run()
        }
        let new = notification.steps.enumerated().dropFirst(storedSteps)
        guard !new.isEmpty else { return }
        var insert = sql.insert(into: "measure_notification_step").columns(
            "notification_id", "position", "action", "user_id", "organisation_id", "member_state", "comment", "comment_language", "at")
        for (position, step) in new {
            insert = insert.values(
                SQLBind(id), SQLBind(position), SQLBind(step.action?.rawValue), SQLBind(step.actor.userID.description),
                SQLBind(step.actor.organisationID.uuidString.lowercased()), SQLBind(step.memberState.rawValue),
                SQLBind(step.comment?.text), SQLBind(step.comment?.language.rawValue), SQLBind(step.at.epochSeconds))
        }
        try await insert.run()
    }

    /// Notification `id` with its steps, or nil.
    public func find(_ id: MeasureNotificationID) async throws -> MeasureNotification? {
        let key = id.description
        guard let row = try await sql.select().column("*").from(Self.table).where("id", .equal, key).first() else { return nil }
        let recipients = try await sql.select().column("member_state").from("measure_notification_recipient")
            .where("notification_id", .equal, key).all()
            .map { try $0.decode(column: "member_state", as: MemberStateCode.self, table: "measure_notification_recipient") }
        let steps = try await sql.select().column("*").from("measure_notification_step").where("notification_id", .equal, key)
            .orderBy("position").all().map { step in
                let comment = try step.decode(column: "comment", as: String?.self)
                let language = try step.decodeIfPresent(column: "comment_language", as: Language.self, table: "measure_notification_step")
                return MeasureNotificationStep(
                    action: try step.decodeIfPresent(
                        column: "action", as: MeasureNotificationAction.self, table: "measure_notification_step"),
                    actor: StepActor(
                        userID: UserID(try step.decodeUUID(column: "user_id", table: "measure_notification_step")),
                        organisationID: try step.decodeUUID(column: "organisation_id", table: "measure_notification_step")),
                    memberState: try step.decode(column: "member_state", as: MemberStateCode.self, table: "measure_notification_step"),
                    comment: both(comment, language).map { LocalizedComment(text: $0, language: $1) },
                    at: Date(timeIntervalSince1970: Double(try step.decode(column: "at", as: Int64.self))))
            }
        let numberText = try row.decode(column: "number", as: String.self)
        guard numberText.hasPrefix(MeasureNotification.numberPrefix),
            let number = RequestNumber(String(numberText.dropFirst(MeasureNotification.numberPrefix.count)))
        else { throw PersistenceError.corruptRow(table: Self.table, key: key) }
        return MeasureNotification(
            stored: id, number: number, procedure: try row.decode(column: "procedure", as: ProcedureCode.self, table: Self.table),
            legalArea: try row.decode(column: "legal_area", as: LegalAreaCode.self, table: Self.table),
            sender: try row.decodeUUID(column: "sender_id", table: Self.table),
            senderState: try row.decode(column: "sender_state", as: MemberStateCode.self, table: Self.table),
            recipients: Set(recipients), title: try row.decode(column: "title", as: String.self),
            text: try row.decode(column: "body", as: String.self),
            language: try row.decode(column: "language", as: Language.self, table: Self.table),
            state: try row.decode(column: "state", as: MeasureNotificationState.self, table: Self.table),
            version: try row.decode(column: "version", as: Int.self), steps: steps)
    }
}

private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
