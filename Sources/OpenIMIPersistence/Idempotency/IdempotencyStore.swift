import Foundation
import OpenIMISecurity
import SQLKit

/// Remembers the first result of a POST per user and `Idempotency-Key`, so a client that repeats it
/// gets that result instead of a second effect. A result can hold personal data (a drafted request),
/// so it is stored sealed with the master key, bound to its user and key.
public struct IdempotencyStore: Sendable {
    /// The database.
    public let database: any Database
    /// Seals the stored results.
    public let keys: DataKeyRing

    /// Creates the store.
    public init(database: any Database, keys: DataKeyRing) {
        self.database = database
        self.keys = keys
    }

    private static func context(user: String, key: String) -> String { "idempotency_record/\(user)/\(key)" }

    /// What to do with a request carrying a key.
    public enum Claim: Sendable, Equatable {
        /// First time: run it, then `complete` or `release`.
        case claimed
        /// Already done: answer with the stored result.
        case replay(status: Int, contentType: String, body: String)
        /// The first attempt is still running.
        case inProgress
        /// The key was used for a different request.
        case mismatch
    }

    /// Claims `key` for `userID` and a request with `fingerprint`, or reports what happened before.
    public func claim(userID: UUID, key: String, fingerprint: String, now: Date) async throws -> Claim {
        let user = userID.uuidString.lowercased()
        return try await database.transaction { sql in
            let inserted = try await sql.insert(into: "idempotency_record").columns(
                "user_id", "idempotency_key", "fingerprint", "created_at"
            )
            .values(SQLBind(user), SQLBind(key), SQLBind(fingerprint), SQLBind(now.epochSeconds))
            .ignoringConflicts(with: ["user_id", "idempotency_key"]).returning("fingerprint").all()
            if !inserted.isEmpty { return .claimed }
            guard
                let row = try await sql.select().column("*").from("idempotency_record").where("user_id", .equal, user)
                    .where("idempotency_key", .equal, key).first()
            else { return .inProgress }
            guard try row.decode(column: "fingerprint", as: String.self) == fingerprint else { return .mismatch }
            guard let status = try row.decode(column: "status", as: Int?.self) else { return .inProgress }
            return .replay(
                status: status, contentType: try row.decode(column: "content_type", as: String?.self) ?? "application/json",
                body: try keys.open(try row.decode(column: "body", as: String?.self) ?? "", context: Self.context(user: user, key: key)))
        }
    }

    /// Stores the result of a claimed request.
    public func complete(userID: UUID, key: String, status: Int, contentType: String, body: String) async throws {
        let user = userID.uuidString.lowercased()
        let sealed = try keys.seal(body, context: Self.context(user: user, key: key))
        try await database.transaction { sql in
            try await sql.update("idempotency_record").set("status", to: status).set("content_type", to: contentType).set(
                "body", to: sealed
            )
            .where("user_id", .equal, user).where("idempotency_key", .equal, key).run()
        }
    }

    /// Frees a claim whose request failed, so the client can try again with the same key.
    public func release(userID: UUID, key: String) async throws {
        try await database.transaction { sql in
            try await sql.delete(from: "idempotency_record").where("user_id", .equal, userID.uuidString.lowercased())
                .where("idempotency_key", .equal, key).where("status", .is, SQLLiteral.null).run()
        }
    }
}
