import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// The consent records of requests; who gave each consent is sealed with the request's data key,
/// so it is deleted with the request's personal data.
public struct ConsentRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys.
    public let keys: DataKeyRing

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase, keys: DataKeyRing) {
        self.sql = sql
        self.keys = keys
    }

    /// Stores a new record of request `record.requestID`.
    public func insert(_ record: ConsentRecord, now: Date) async throws {
        guard let request = record.requestID?.uuidString.lowercased() else { throw ConsentError.notFound }
        let id = record.id.uuidString.lowercased()
        let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: request)
        try await sql.insert(into: "consent_record")
            .columns(
                "id", "request_id", "legal_area", "purpose", "given_by", "language", "wording_version", "given_at", "recorded_by",
                "recorded_organisation", "recorded_at"
            )
            .values(
                SQLBind(id), SQLBind(request), SQLBind(record.legalArea), SQLBind(record.purpose.rawValue),
                SQLBind(try key.seal(record.givenBy, context: "consent_record/\(id)/given_by")), SQLBind(record.language.rawValue),
                SQLBind(record.wordingVersion), SQLBind(record.givenAt.epochSeconds),
                SQLBind(record.recordedBy.userID.description),
                SQLBind(record.recordedBy.organisationID.uuidString.lowercased()),
                SQLBind(now.epochSeconds)
            ).run()
    }

    /// Marks record `id` withdrawn at `date`; false when it was withdrawn already.
    public func withdraw(_ id: UUID, at date: Date) async throws -> Bool {
        !(try await sql.update("consent_record").set("withdrawn_at", to: date.epochSeconds)
            .where("id", .equal, id.uuidString.lowercased()).where("withdrawn_at", .is, SQLLiteral.null).returning("id").all()).isEmpty
    }

    /// The records of request `requestID`, oldest first; `openNames` false leaves who gave them sealed
    /// (for rules that need only purpose and dates).
    public func records(of requestID: UUID, openNames: Bool = true) async throws -> [ConsentRecord] {
        let request = requestID.uuidString.lowercased()
        let rows = try await sql.select().column("*").from("consent_record").where("request_id", .equal, request)
            .orderBy("recorded_at").orderBy("id").all()
        guard !rows.isEmpty else { return [] }
        let key = openNames ? try await DataKeyRepository(sql: sql, ring: keys).key(for: request) : nil
        return try rows.map { row in
            let id = try row.decode(column: "id", as: String.self)
            guard let uuid = UUID(uuidString: id),
                let purpose = ConsentPurpose(rawValue: try row.decode(column: "purpose", as: String.self)),
                let language = Language(rawValue: try row.decode(column: "language", as: String.self)),
                let user = UUID(uuidString: try row.decode(column: "recorded_by", as: String.self)),
                let organisation = UUID(uuidString: try row.decode(column: "recorded_organisation", as: String.self))
            else { throw PersistenceError.corruptRow(table: "consent_record", key: id) }
            let sealed = try row.decode(column: "given_by", as: String.self)
            return ConsentRecord(
                id: uuid, requestID: requestID, legalArea: try row.decode(column: "legal_area", as: String.self), purpose: purpose,
                givenBy: try key.map { try $0.open(sealed, context: "consent_record/\(id)/given_by") } ?? "",
                language: language, wordingVersion: try row.decode(column: "wording_version", as: String.self),
                givenAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "given_at", as: Int64.self))),
                recordedBy: StepActor(userID: UserID(user), organisationID: organisation),
                withdrawnAt: try row.decode(column: "withdrawn_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }
    }
}
