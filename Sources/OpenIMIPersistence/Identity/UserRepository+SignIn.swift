import Foundation
import OpenIMIDomain
import SQLKit

extension UserRepository {
    /// Uses up time step `step` of `userID`'s one-time codes in one conditional statement: of two
    /// sign-ins racing with the same code only one succeeds. False when a later step was used.
    public func claimCodeStep(_ step: Int64, of userID: String) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE user_account SET totp_last_step = \(bind: step) WHERE id = \(bind: userID)
            AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
            """
        ).all().isEmpty
    }

    /// Counts a failure against `userID` in one statement, so that failures sent in parallel are
    /// each counted (no read-then-write); the one that reaches `limit` locks the account until
    /// `lockedUntil`, and failures while it is locked change nothing.
    public func recordFailure(of userID: UUID, limit: Int, lockedUntil: Date, now: Date) async throws {
        let until = lockedUntil.epochSeconds
        try await sql.raw(
            """
            UPDATE user_account SET
              locked_until = CASE WHEN failed_attempts + 1 >= \(bind: limit) THEN \(bind: until) ELSE locked_until END,
              failed_attempts = CASE WHEN failed_attempts + 1 >= \(bind: limit) THEN 0 ELSE failed_attempts + 1 END
            WHERE id = \(bind: userID.uuidString.lowercased()) AND (locked_until IS NULL OR locked_until <= \(bind: now.epochSeconds))
            """
        ).run()
    }

    /// Suspends every active account not used since `cutoff` (last sign-in, or creation when never
    /// used) and revokes their sessions; returns how many.
    public func suspendDormant(before cutoff: Date, at now: Date) async throws -> Int {
        let stamp = now.epochSeconds
        let rows = try await sql.update("user_account").set("status", to: UserStatus.suspended.rawValue).set("updated_at", to: stamp)
            .where("status", .equal, UserStatus.active.rawValue)
            .where(
                SQLFunction("COALESCE", args: SQLColumn("last_sign_in_at"), SQLColumn("created_at")), .lessThan,
                SQLBind(cutoff.epochSeconds)
            )
            .returning("id").all()
        let ids = try rows.map { try $0.decode(column: "id", as: String.self) }
        if !ids.isEmpty {
            try await sql.update("user_session").set("revoked_at", to: stamp).where("user_id", .in, ids)
                .where("revoked_at", .is, SQLLiteral.null).run()
        }
        return ids.count
    }
}
