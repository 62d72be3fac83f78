import Foundation
import SQLKit

/// The append-only record of which personal data were processed, when, by whom and for what purpose
/// (IMI Regulation, Art. 17). Entries carry field names, never the data.
public struct AccessLog: Sendable {
    /// The database or transaction to write in.
    public let sql: any SQLDatabase

    /// Creates the log over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records that `userID` of `organisationID` did `operation` ("read" or "write") on `fields` of
    /// request `requestID` for `purpose` (the page, API resource or step).
    public func record(
        userID: UUID, organisationID: UUID, requestID: UUID, operation: String, purpose: String, fields: [String], at now: Date
    ) async throws {
        try await sql.insert(into: "access_log")
            .columns("id", "at", "user_id", "organisation_id", "request_id", "operation", "purpose", "fields")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(now.epochSeconds), SQLBind(userID.uuidString.lowercased()),
                SQLBind(organisationID.uuidString.lowercased()), SQLBind(requestID.uuidString.lowercased()), SQLBind(operation),
                SQLBind(purpose), SQLBind(JSONText.encode(fields))
            )
            .run()
    }

    /// The entries of one request, oldest first, as (user, operation, purpose, fields).
    public func entries(of requestID: UUID) async throws -> [(user: String, operation: String, purpose: String, fields: [String])] {
        try await sql.select().column("*").from("access_log").where("request_id", .equal, requestID.uuidString.lowercased())
            .orderBy("at").all().map {
                (
                    try $0.decode(column: "user_id", as: String.self), try $0.decode(column: "operation", as: String.self),
                    try $0.decode(column: "purpose", as: String.self),
                    try JSONText.decode([String].self, from: try $0.decode(column: "fields", as: String.self))
                )
            }
    }
}
