import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Stores sessions and API tokens by the hash of their token.
public struct SessionStore: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a store over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Creates a session for `user` and returns its token.
    public func create(
        for user: UserAccount, kind: SessionKind, random: any SecureRandom, rule: SessionRule, now: Date
    ) async throws
        -> SignedIn
    {
        let token = OpaqueToken.make(random: random)
        let csrf = OpaqueToken.make(random: random)
        try await sql.insert(into: "user_session")
            .columns("token_hash", "user_id", "kind", "csrf_token", "created_at", "last_seen_at")
            .values(
                SQLBind(OpaqueToken.hash(token)), SQLBind(user.id.uuidString.lowercased()), SQLBind(kind.rawValue), SQLBind(csrf),
                SQLBind(now.epochSeconds), SQLBind(now.epochSeconds)
            )
            .run()
        return SignedIn(token: token, csrfToken: csrf, expiresAt: now.addingTimeInterval(rule.absoluteLifetime), user: user)
    }

    /// Revokes the session of `token`.
    public func revoke(token: String, now: Date) async throws {
        try await sql.update("user_session").set("revoked_at", to: now.epochSeconds)
            .where("token_hash", .equal, OpaqueToken.hash(token)).run()
    }

    /// Revokes every session and token of a user.
    public func revokeAll(of userID: UUID, now: Date) async throws {
        try await sql.update("user_session").set("revoked_at", to: now.epochSeconds)
            .where("user_id", .equal, userID.uuidString.lowercased()).where("revoked_at", .is, SQLLiteral.null).run()
    }
}

/// A live session, as resolved for a request.
public struct ActiveSession: Sendable {
    /// The signed-in principal.
    public let principal: Principal
    /// Browser session or API token.
    public let kind: SessionKind
    /// The CSRF token forms must carry.
    public let csrfToken: String
}

extension IdentityService {
    /// The live session of `token`: not revoked, within its lifetimes, of an active user of an
    /// active organisation. Touches its idle clock at most once a minute.
    public func session(token: String, now: Date) async throws -> ActiveSession? {
        let hash = OpaqueToken.hash(token)
        // The session and its user in one statement: this runs for every signed-in request.
        guard
            let row = try await database.sql.raw(
                """
                SELECT s.kind AS session_kind, s.created_at AS session_created_at, s.last_seen_at AS session_last_seen_at,
                s.csrf_token AS session_csrf_token, u.* FROM user_session s JOIN user_account u ON u.id = s.user_id
                WHERE s.token_hash = \(bind: hash) AND s.revoked_at IS NULL
                """
            ).first(),
            let kind = SessionKind(rawValue: try row.decode(column: "session_kind", as: String.self))
        else { return nil }
        let created = Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "session_created_at", as: Int64.self)))
        let lastSeen = Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "session_last_seen_at", as: Int64.self)))
        guard sessions.isValid(kind: kind, createdAt: created, lastSeenAt: lastSeen, at: now),
            case let user = try await UserRepository(sql: database.sql).account(try row.decode(model: UserRecord.self)),
            user.status == .active,
            let organisation = try await organisation(kind: user.organisationKind, id: user.organisationID), organisation.isActive
        else { return nil }
        if now.timeIntervalSince(lastSeen) >= 60 {
            try await database.transaction { sql in
                try await sql.update("user_session").set("last_seen_at", to: now.epochSeconds).where("token_hash", .equal, hash).run()
            }
        }
        return ActiveSession(
            principal: Principal(user: user, organisation: organisation), kind: kind,
            csrfToken: try row.decode(column: "session_csrf_token", as: String.self))
    }

    /// Ends the session of `token`.
    public func signOut(token: String, now: Date) async throws {
        try await database.transaction { sql in try await SessionStore(sql: sql).revoke(token: token, now: now) }
    }
}
