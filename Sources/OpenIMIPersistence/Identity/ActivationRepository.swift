import Foundation
import SQLKit

/// One-time activation links, stored by the hash of their token.
public struct ActivationRepository: Sendable {
    /// The database or transaction to work in (a transaction for writes).
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Makes `tokenHash` the only activation link of `userID`, valid until `expiresAt`.
    public func replace(of userID: UUID, tokenHash: String, expiresAt: Date) async throws {
        let key = userID.uuidString.lowercased()
        try await sql.delete(from: "activation").where("user_id", .equal, key).run()
        try await sql.insert(into: "activation").columns("token_hash", "user_id", "expires_at")
            .values(SQLBind(tokenHash), SQLBind(key), SQLBind(expiresAt.epochSeconds)).run()
    }

    /// The user of the unused link `tokenHash` that has not expired at `now`, if any.
    public func user(of tokenHash: String, at now: Date) async throws -> UUID? {
        guard
            let row = try await sql.select().column("*").from("activation").where("token_hash", .equal, tokenHash)
                .where("used_at", .is, SQLLiteral.null).first(),
            try row.decode(column: "expires_at", as: Int64.self) > now.epochSeconds
        else { return nil }
        return try row.decodeUUID(column: "user_id", table: "activation")
    }

    /// Marks the link `tokenHash` used.
    public func markUsed(_ tokenHash: String, at now: Date) async throws {
        try await sql.update("activation").set("used_at", to: now.epochSeconds).where("token_hash", .equal, tokenHash).run()
    }
}
