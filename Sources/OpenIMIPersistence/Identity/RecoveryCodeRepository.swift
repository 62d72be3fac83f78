import Foundation
import SQLKit

/// Users' single-use recovery codes, stored as keyed digests only.
public struct RecoveryCodeRepository: Sendable {
    /// The database or transaction to work in (a transaction for writes).
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Replaces the codes of `userID` with `digests`.
    public func replace(of userID: UUID, with digests: [String]) async throws {
        try await removeAll(of: userID)
        guard !digests.isEmpty else { return }
        let insert = sql.insert(into: "recovery_code").columns("user_id", "code_hash")
        for digest in digests { insert.values(SQLBind(userID.uuidString.lowercased()), SQLBind(digest)) }
        try await insert.run()
    }

    /// Removes every code of `userID`.
    public func removeAll(of userID: UUID) async throws {
        try await sql.delete(from: "recovery_code").where("user_id", .equal, userID.uuidString.lowercased()).run()
    }

    /// Whether `userID` has an unused code with `digest`.
    public func isUnused(_ digest: String, of userID: String) async throws -> Bool {
        try await sql.select().column("code_hash").from("recovery_code")
            .where("user_id", .equal, userID).where("code_hash", .equal, digest).where("used_at", .is, SQLLiteral.null).first() != nil
    }

    /// Uses up the code `digest` of `userID` in one conditional statement: of two sign-ins racing
    /// with the same code only one finds it unused. False when it was used or is unknown.
    public func claim(_ digest: String, of userID: String, at now: Date) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE recovery_code SET used_at = \(bind: now.epochSeconds) WHERE user_id = \(bind: userID)
            AND code_hash = \(bind: digest) AND used_at IS NULL RETURNING code_hash
            """
        ).all().isEmpty
    }

    /// Re-keys every code not yet stored with `prefix` through `rekey`; returns how many.
    public func rekeyAll(notPrefixed prefix: String, _ rekey: (String) throws -> String) async throws -> Int {
        let rows = try await sql.select().columns("user_id", "code_hash").from("recovery_code")
            .where("code_hash", .notLike, "\(prefix)%").all()
        for row in rows {
            let old = try row.decode(column: "code_hash", as: String.self)
            try await sql.update("recovery_code").set("code_hash", to: try rekey(old))
                .where("user_id", .equal, try row.decode(column: "user_id", as: String.self)).where("code_hash", .equal, old).run()
        }
        return rows.count
    }
}
