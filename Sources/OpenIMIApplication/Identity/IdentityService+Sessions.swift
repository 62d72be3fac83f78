import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

extension IdentityService {
    /// The live session of `token`: not revoked, within its lifetimes, of an active user of an
    /// active organisation. Touches its idle clock at most once a minute.
    public func session(token: String, now: Date) async throws -> ActiveSession? {
        let hash = OpaqueToken.hash(token)
        guard let stored = try await SessionStore(sql: database.sql).stored(tokenHash: hash),
            sessions.isValid(kind: stored.kind, createdAt: stored.createdAt, lastSeenAt: stored.lastSeenAt, at: now),
            case let user = try stored.user.user(roles: stored.roles),
            user.status == .active,
            let organisation = try await organisation(of: stored, user: user), organisation.isActive
        else { return nil }
        if now.timeIntervalSince(stored.lastSeenAt) >= 60 {
            try await database.transaction { sql in try await SessionStore(sql: sql).touch(tokenHash: hash, now: now) }
        }
        return ActiveSession(principal: Principal(user: user, organisation: organisation), kind: stored.kind, csrfToken: stored.csrfToken)
    }

    // An authority comes with its user's session; coordinators and the platform are read on their own.
    private func organisation(of stored: StoredSession, user: UserAccount) async throws -> Organisation? {
        if let authority = stored.authority { return Organisation(authority: authority) }
        return try await organisation(user.organisation)
    }

    /// Ends the session of `token`.
    public func signOut(token: String, now: Date) async throws {
        try await database.transaction { sql in try await SessionStore(sql: sql).revoke(token: token, now: now) }
    }
}
