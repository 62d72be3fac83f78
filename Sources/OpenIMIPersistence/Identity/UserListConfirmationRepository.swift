import Foundation
import OpenIMIDomain
import SQLKit

/// Confirmations that an organisation's list of users is current.
public struct UserListConfirmationRepository: Sendable {
    /// The database or transaction to work in (a transaction for writes).
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Stores `confirmation` for `organisation`.
    public func insert(_ confirmation: UserListConfirmation, of organisation: OrganisationID) async throws {
        try await sql.insert(into: "user_list_confirmation")
            .columns("id", "organisation_kind", "organisation_id", "confirmed_by", "confirmed_at", "user_count", "list_digest")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(organisation.kind.rawValue),
                SQLBind(organisation.uuid?.uuidString.lowercased() ?? ""),
                SQLBind(confirmation.confirmedBy.uuidString.lowercased()), SQLBind(confirmation.confirmedAt.epochSeconds),
                SQLBind(confirmation.userCount), SQLBind(confirmation.listDigest)
            )
            .run()
    }

    /// The newest confirmation of `organisation`, if any.
    public func latest(of organisation: OrganisationID) async throws -> UserListConfirmation? {
        let row = try await sql.select().column("*").from("user_list_confirmation")
            .where("organisation_kind", .equal, organisation.kind.rawValue)
            .where("organisation_id", .equal, organisation.uuid?.uuidString.lowercased() ?? "")
            .orderBy("confirmed_at", .descending).limit(1).first()
        return try row.map { row in
            UserListConfirmation(
                confirmedBy: try row.decodeUUID(column: "confirmed_by", table: "user_list_confirmation"),
                confirmedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "confirmed_at", as: Int64.self))),
                userCount: try row.decode(column: "user_count", as: Int.self),
                listDigest: try row.decode(column: "list_digest", as: String.self))
        }
    }
}
