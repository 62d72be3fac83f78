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
                SQLBind(OpaqueToken.hash(token)), SQLBind(user.id.description), SQLBind(kind.rawValue), SQLBind(csrf),
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

    /// The stored session of the token with hash `tokenHash`, its user, the user's roles and, for
    /// an authority's user, the authority, unless revoked; read in one statement, as it runs for
    /// every signed-in request.
    public func stored(tokenHash: String) async throws -> StoredSession? {
        guard
            let row = try await sql.raw(
                """
                SELECT s.kind AS session_kind, s.created_at AS session_created_at, s.last_seen_at AS session_last_seen_at,
                s.csrf_token AS session_csrf_token,
                \(unsafeRaw: UserRepository.rolesColumn(in: sql)),
                \(unsafeRaw: AuthorityRepository.columns(of: "a", prefix: Self.authorityPrefix, in: sql)),
                u.* FROM user_session s JOIN user_account u ON u.id = s.user_id
                LEFT JOIN authority a ON u.organisation_kind = \(bind: OrganisationKind.authority.rawValue) AND a.id = u.organisation_id
                WHERE s.token_hash = \(bind: tokenHash) AND s.revoked_at IS NULL
                """
            ).first()
        else { return nil }
        let kindValue = try row.decode(column: "session_kind", as: String.self)
        guard let kind = SessionKind(rawValue: kindValue) else { throw PersistenceError.corruptRow(table: "user_session", key: "kind") }
        return StoredSession(
            kind: kind,
            createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "session_created_at", as: Int64.self))),
            lastSeenAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "session_last_seen_at", as: Int64.self))),
            csrfToken: try row.decode(column: "session_csrf_token", as: String.self),
            user: try UserRecord(row: row), roles: try UserRepository.roles(in: row),
            authority: try AuthorityRepository.authority(in: row, prefix: Self.authorityPrefix))
    }

    // The authority's columns are renamed: the user's own (id, status, e-mail…) keep their names.
    private static let authorityPrefix = "session_authority_"

    /// Records that the session of `tokenHash` was used at `now`.
    public func touch(tokenHash: String, now: Date) async throws {
        try await sql.update("user_session").set("last_seen_at", to: now.epochSeconds).where("token_hash", .equal, tokenHash).run()
    }
}
