import Foundation
import OpenIMIDomain
import SQLKit

/// Stores the documents attached to requests.
public struct AttachmentRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Stores `attachment` with its `content`.
    public func insert(_ attachment: RequestAttachment, content: Data) async throws {
        try await sql.insert(into: "request_attachment")
            .columns(
                "id", "request_id", "name", "media_type", "size", "sha256", "content", "user_id", "organisation_id", "uploaded_at"
            )
            .values(
                SQLBind(attachment.id.uuidString.lowercased()), SQLBind(attachment.requestID.uuidString.lowercased()),
                SQLBind(attachment.name), SQLBind(attachment.mediaType.rawValue), SQLBind(attachment.size), SQLBind(attachment.sha256),
                SQLBind(content), SQLBind(attachment.uploadedBy.userID.uuidString.lowercased()),
                SQLBind(attachment.uploadedBy.organisationID.uuidString.lowercased()), SQLBind(attachment.uploadedAt.epochSeconds)
            ).run()
    }

    /// The attachments of `requestID`, oldest first, without content.
    public func list(of requestID: UUID) async throws -> [RequestAttachment] {
        try await sql.select()
            .columns("id", "request_id", "name", "media_type", "size", "sha256", "user_id", "organisation_id", "uploaded_at")
            .from("request_attachment").where("request_id", .equal, requestID.uuidString.lowercased())
            .orderBy("uploaded_at").orderBy("id").all().map(Self.attachment)
    }

    /// One attachment of `requestID` with its content.
    public func content(_ id: UUID, of requestID: UUID) async throws -> (RequestAttachment, Data)? {
        guard
            let row = try await sql.select().column("*").from("request_attachment").where("id", .equal, id.uuidString.lowercased())
                .where("request_id", .equal, requestID.uuidString.lowercased()).first()
        else { return nil }
        return (try Self.attachment(row), try row.decode(column: "content", as: Data.self))
    }

    private static func attachment(_ row: any SQLRow) throws -> RequestAttachment {
        let id = try row.decode(column: "id", as: String.self)
        guard let uuid = UUID(uuidString: id), let request = UUID(uuidString: try row.decode(column: "request_id", as: String.self)),
            let type = AttachmentMediaType(rawValue: try row.decode(column: "media_type", as: String.self)),
            let user = UUID(uuidString: try row.decode(column: "user_id", as: String.self)),
            let organisation = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self))
        else { throw PersistenceError.corruptRow(table: "request_attachment", key: id) }
        return RequestAttachment(
            id: uuid, requestID: request, name: try row.decode(column: "name", as: String.self), mediaType: type,
            size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
            uploadedBy: StepActor(userID: user, organisationID: organisation),
            uploadedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "uploaded_at", as: Int64.self))))
    }
}
