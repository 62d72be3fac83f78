import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Seals what was stored in clear before sealing existed (migration 9): each such request gets a
/// data key, and its personal data, step comments and attachments are sealed with it; stored API
/// results are sealed with the master key. Runs at start, request by request, each in its own
/// transaction, so an interrupted run resumes where it stopped.
public struct PersonalDataSealing: Sendable {
    /// The database.
    public let database: any Database
    /// The master keys.
    public let keys: DataKeyRing

    /// Creates the sealing pass.
    public init(database: any Database, keys: DataKeyRing) {
        self.database = database
        self.keys = keys
    }

    /// Seals every request without a data key and every stored result in clear; returns how many requests.
    public func sealExisting(now: Date) async throws -> Int {
        var sealed = 0
        while true {
            let ids = try await database.sql.raw(
                """
                SELECT r.id FROM information_request r LEFT JOIN request_data_key k ON k.request_id = r.id
                WHERE k.request_id IS NULL LIMIT 500
                """
            ).all().map { try $0.decode(column: "id", as: String.self) }
            if ids.isEmpty { break }
            for id in ids {
                try await database.transaction { sql in try await seal(request: id, in: sql, now: now) }
            }
            sealed += ids.count
        }
        try await indexExisting()
        return sealed
    }

    /// When the subject index has no key yet, creates it and indexes every request stored before it.
    private func indexExisting() async throws {
        let existing = try await database.sql.select().column("name").from("platform_key")
            .where("name", .equal, SubjectIndexRepository.keyName).first()
        guard existing == nil else { return }
        let index = try await SubjectIndexRepository.index(in: database, ring: keys)
        var after = ""
        while true {
            let ids = try await database.sql.select().column("id").from("information_request").where("id", .greaterThan, after)
                .where("retention_phase", .notEqual, RetentionPhase.deleted.rawValue).orderBy("id").limit(500).all()
                .map { try $0.decode(column: "id", as: String.self) }
            guard let last = ids.last else { return }
            try await database.transaction { sql in
                let repository = RequestRepository(sql: sql, keys: keys)
                var requests: [InformationRequest] = []
                for id in ids {
                    guard let uuid = UUID(uuidString: id) else {
                        throw PersistenceError.corruptRow(table: "information_request", key: id)
                    }
                    if let request = try await repository.find(uuid) { requests.append(request) }
                }
                try await SubjectIndexRepository(sql: sql, ring: keys).add(requests, index: index)
            }
            after = last
        }
    }

    private func seal(request id: String, in sql: any SQLDatabase, now: Date) async throws {
        let dataKeys = DataKeyRepository(sql: sql, ring: keys)
        let new = try dataKeys.newKey()
        let key = new.key
        guard let row = try await sql.select().column("personal_data").from("information_request").where("id", .equal, id).first() else {
            return
        }
        let personal = try row.decode(column: "personal_data", as: String.self)
        try await dataKeys.store([(id, new)], now: now)
        try await sql.update("information_request")
            .set("personal_data", to: try key.seal(personal, context: RequestRecord.personalDataContext(id))).where("id", .equal, id).run()
        let steps = try await sql.select().columns("position", "comment").from("request_step").where("request_id", .equal, id)
            .where("comment", .isNot, SQLLiteral.null).all()
        for step in steps {
            let position = try step.decode(column: "position", as: Int.self)
            let comment = try step.decode(column: "comment", as: String.self)
            try await sql.update("request_step")
                .set("comment", to: try key.seal(comment, context: RequestRecord.commentContext(id, position: position)))
                .where("request_id", .equal, id).where("position", .equal, position).run()
        }
        let attachments = try await sql.select().columns("id", "name", "content").from("request_attachment")
            .where("request_id", .equal, id).all()
        for attachment in attachments {
            let attachmentID = try attachment.decode(column: "id", as: String.self)
            try await sql.update("request_attachment")
                .set(
                    "name",
                    to: try key.seal(
                        try attachment.decode(column: "name", as: String.self), context: AttachmentRepository.nameContext(attachmentID))
                )
                .set(
                    "content",
                    to: try key.seal(
                        blob: try attachment.decode(column: "content", as: Data.self),
                        context: AttachmentRepository.contentContext(attachmentID))
                )
                .where("id", .equal, attachmentID).run()
        }
    }
}
