import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Stores the documents attached to requests; names and content are sealed with the request's data key.
public struct AttachmentRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys wrapping the requests' data keys.
    public let keys: DataKeyRing

    /// Creates a repository over `sql`, sealing with data keys wrapped by `keys`.
    public init(sql: any SQLDatabase, keys: DataKeyRing) {
        self.sql = sql
        self.keys = keys
    }

    static func nameContext(_ id: String) -> String { "request_attachment/\(id)/name" }
    static func contentContext(_ id: String) -> String { "request_attachment/\(id)/content" }

    /// Stores `attachment` with its `content`.
    public func insert(_ attachment: RequestAttachment, content: Data) async throws {
        let id = attachment.id.uuidString.lowercased()
        let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: attachment.requestID.uuidString.lowercased())
        try await sql.insert(into: "request_attachment")
            .columns(
                "id", "request_id", "name", "media_type", "size", "sha256", "content", "user_id", "organisation_id", "uploaded_at"
            )
            .values(
                SQLBind(id), SQLBind(attachment.requestID.uuidString.lowercased()),
                SQLBind(try key.seal(attachment.name, context: Self.nameContext(id))), SQLBind(attachment.mediaType.rawValue),
                SQLBind(attachment.size), SQLBind(attachment.sha256),
                SQLBind(try key.seal(blob: content, context: Self.contentContext(id))),
                SQLBind(attachment.uploadedBy.userID.description),
                SQLBind(attachment.uploadedBy.organisationID.uuidString.lowercased()), SQLBind(attachment.uploadedAt.epochSeconds)
            ).run()
    }

    /// The attachments of `requestID`, oldest first, without content.
    public func list(of requestID: UUID) async throws -> [RequestAttachment] {
        let rows = try await sql.select()
            .columns("id", "request_id", "name", "media_type", "size", "sha256", "user_id", "organisation_id", "uploaded_at")
            .from("request_attachment").where("request_id", .equal, requestID.uuidString.lowercased())
            .orderBy("uploaded_at").orderBy("id").all()
        guard !rows.isEmpty else { return [] }
        let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: requestID.uuidString.lowercased())
        return try rows.map { try Self.attachment($0, key: key) }
    }

    /// One attachment of `requestID` with its content.
    public func content(_ id: UUID, of requestID: UUID) async throws -> (RequestAttachment, Data)? {
        guard
            let row = try await sql.select().column("*").from("request_attachment").where("id", .equal, id.uuidString.lowercased())
                .where("request_id", .equal, requestID.uuidString.lowercased()).first()
        else { return nil }
        let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: requestID.uuidString.lowercased())
        return (
            try Self.attachment(row, key: key),
            try key.open(blob: try row.decode(column: "content", as: Data.self), context: Self.contentContext(id.uuidString.lowercased()))
        )
    }

    private static func attachment(_ row: any SQLRow, key: DataKey) throws -> RequestAttachment {
        let id = try row.decode(column: "id", as: String.self)
        guard let uuid = UUID(uuidString: id), let request = UUID(uuidString: try row.decode(column: "request_id", as: String.self)),
            let type = AttachmentMediaType(rawValue: try row.decode(column: "media_type", as: String.self)),
            let user = UUID(uuidString: try row.decode(column: "user_id", as: String.self)),
            let organisation = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self))
        else { throw PersistenceError.corruptRow(table: "request_attachment", key: id) }
        return RequestAttachment(
            id: uuid, requestID: request, name: try key.open(try row.decode(column: "name", as: String.self), context: nameContext(id)),
            mediaType: type,
            size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
            uploadedBy: StepActor(userID: UserID(user), organisationID: organisation),
            uploadedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "uploaded_at", as: Int64.self))))
    }
}
