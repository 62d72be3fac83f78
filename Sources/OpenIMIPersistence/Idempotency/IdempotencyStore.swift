import Foundation
import SQLKit

/// Remembers the outcome of a POST per user and `Idempotency-Key`, so a client that repeats it gets
/// that outcome instead of a second effect. Only what a replay needs is kept: the request's digest,
/// the status and the addresses of the resource it created or changed, never the response body.
/// A replay re-reads that resource through the normal, authorised and logged path. Keys expire
/// after `lifetime` and are deleted with the personal data of the request they concern.
public struct IdempotencyStore: Sendable {
    /// How long a key is remembered: a client retries within minutes, 24 hours is the usual bound.
    public static let lifetime: TimeInterval = 24 * 3600

    /// The database.
    public let database: any Database

    /// Creates the store.
    public init(database: any Database) {
        self.database = database
    }

    /// What a stored outcome says.
    public struct Outcome: Sendable, Equatable {
        /// The HTTP status of the first response.
        public let status: Int
        /// Its `Location` header: the resource it created.
        public let location: String?
        /// Its `Content-Location` header: the resource whose state its body showed.
        public let contentLocation: String?

        /// Creates an outcome.
        public init(status: Int, location: String?, contentLocation: String?) {
            self.status = status
            self.location = location
            self.contentLocation = contentLocation
        }
    }

    /// What to do with a request carrying a key.
    public enum Claim: Sendable, Equatable {
        /// First time: run it, then `complete` or `release`.
        case claimed
        /// Already done: answer as the outcome says.
        case replay(Outcome)
        /// The first attempt is still running.
        case inProgress
        /// The key was used for a different request.
        case mismatch
    }

    /// Claims `key` for `userID` and a request with `fingerprint`, or reports what happened before.
    /// A key older than `lifetime` is forgotten and claimed afresh.
    public func claim(userID: UUID, key: String, fingerprint: String, now: Date) async throws -> Claim {
        let user = userID.uuidString.lowercased()
        return try await database.transaction { sql in
            try await sql.delete(from: "idempotency_record").where("user_id", .equal, user).where("idempotency_key", .equal, key)
                .where("created_at", .lessThan, now.addingTimeInterval(-Self.lifetime).epochSeconds).run()
            let inserted = try await sql.insert(into: "idempotency_record").columns(
                "user_id", "idempotency_key", "fingerprint", "created_at"
            )
            .values(SQLBind(user), SQLBind(key), SQLBind(fingerprint), SQLBind(now.epochSeconds))
            .ignoringConflicts(with: ["user_id", "idempotency_key"]).returning("fingerprint").all()
            if !inserted.isEmpty { return .claimed }
            guard
                let row = try await sql.select().columns("fingerprint", "status", "location", "content_location").from("idempotency_record")
                    .where("user_id", .equal, user).where("idempotency_key", .equal, key).first()
            else { return .inProgress }
            guard try row.decode(column: "fingerprint", as: String.self) == fingerprint else { return .mismatch }
            guard let status = try row.decode(column: "status", as: Int?.self) else { return .inProgress }
            return .replay(
                Outcome(
                    status: status, location: try row.decode(column: "location", as: String?.self),
                    contentLocation: try row.decode(column: "content_location", as: String?.self)))
        }
    }

    /// Stores the outcome of a claimed request; `requestID` is the information request it concerns, if any.
    public func complete(userID: UUID, key: String, outcome: Outcome, requestID: UUID?) async throws {
        let user = userID.uuidString.lowercased()
        try await database.transaction { sql in
            try await sql.update("idempotency_record").set("status", to: outcome.status).set("location", to: outcome.location)
                .set("content_location", to: outcome.contentLocation).set("request_id", to: requestID?.uuidString.lowercased())
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

    /// Forgets every key older than `lifetime` at `now`; returns how many.
    @discardableResult
    public static func purgeExpired(sql: any SQLDatabase, now: Date) async throws -> Int {
        try await sql.delete(from: "idempotency_record")
            .where("created_at", .lessThan, now.addingTimeInterval(-lifetime).epochSeconds).returning("user_id").all().count
    }

    /// Forgets every key of a call about request `requestID`, when its personal data are deleted.
    public static func forget(requestID: String, sql: any SQLDatabase) async throws {
        try await sql.delete(from: "idempotency_record").where("request_id", .equal, requestID).run()
    }
}
