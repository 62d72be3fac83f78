import Foundation
import OpenIMIDomain
import SQLKit

/// Stores the documents attached to notifications.
public struct MeasureNotificationAttachmentRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    static let table = "measure_notification_attachment"
    static let descriptionColumns = [
        "id", "notification_id", "name", "media_type", "size", "sha256", "user_id", "organisation_id", "uploaded_at",
    ]

    /// Stores `attachment` with its `content` at `position` in the list. Run inside a transaction.
    public func insert(_ attachment: MeasureNotificationAttachment, content: Data, position: Int) async throws {
        try await sql.insert(into: Self.table).columns(Self.descriptionColumns + ["content", "position"])
            .values(
                SQLBind(attachment.id.uuidString.lowercased()), SQLBind(attachment.notificationID.description), SQLBind(attachment.name),
                SQLBind(attachment.mediaType.rawValue), SQLBind(attachment.size), SQLBind(attachment.sha256),
                SQLBind(attachment.uploadedBy.userID.description), SQLBind(attachment.uploadedBy.organisationID.uuidString.lowercased()),
                SQLBind(attachment.uploadedAt.epochSeconds), SQLBind(content), SQLBind(position)
            ).run()
    }

    /// How many documents `notification` carries, and the position the next one takes (after
    /// every other, removed ones included).
    public func count(of notification: MeasureNotificationID) async throws -> (count: Int, nextPosition: Int) {
        guard
            let row = try await sql.raw(
                """
                SELECT COUNT(*) AS n, COALESCE(MAX(position), -1) + 1 AS next FROM measure_notification_attachment
                WHERE notification_id = \(bind: notification.description)
                """
            ).first()
        else { return (0, 0) }
        return (try row.decode(column: "n", as: Int.self), try row.decode(column: "next", as: Int.self))
    }

    /// The documents of `notification` in the order they were added, without content.
    public func list(of notification: MeasureNotificationID) async throws -> [MeasureNotificationAttachment] {
        try await sql.select().columns(Self.descriptionColumns).from(Self.table)
            .where("notification_id", .equal, notification.description).orderBy("position").all()
            .map(Self.attachment)
    }

    /// One document of `notification` with its content.
    public func content(_ id: UUID, of notification: MeasureNotificationID) async throws -> (MeasureNotificationAttachment, Data)? {
        guard
            let row = try await sql.select().columns(Self.descriptionColumns + ["content"]).from(Self.table)
                .where("id", .equal, id.uuidString.lowercased()).where("notification_id", .equal, notification.description).first()
        else { return nil }
        return (try Self.attachment(row), try row.decode(column: "content", as: Data.self))
    }

    /// Removes document `id` of `notification`; false when there was none. Run inside a transaction.
    public func delete(_ id: UUID, of notification: MeasureNotificationID) async throws -> Bool {
        !(try await sql.delete(from: Self.table).where("id", .equal, id.uuidString.lowercased())
            .where("notification_id", .equal, notification.description).returning("id").all()).isEmpty
    }

    private static func attachment(_ row: any SQLRow) throws -> MeasureNotificationAttachment {
        let id = try row.decode(column: "id", as: String.self)
        guard let uuid = UUID(uuidString: id),
            let notification = MeasureNotificationID(try row.decode(column: "notification_id", as: String.self)),
            let type = AttachmentMediaType(rawValue: try row.decode(column: "media_type", as: String.self)),
            let user = UUID(uuidString: try row.decode(column: "user_id", as: String.self)),
            let organisation = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self))
        else { throw PersistenceError.corruptRow(table: table, key: id) }
        return MeasureNotificationAttachment(
            id: uuid, notificationID: notification, name: try row.decode(column: "name", as: String.self), mediaType: type,
            size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
            uploadedBy: StepActor(userID: UserID(user), organisationID: organisation),
            uploadedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "uploaded_at", as: Int64.self))))
    }
}
