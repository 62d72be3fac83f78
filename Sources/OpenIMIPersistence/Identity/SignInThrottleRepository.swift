import Foundation
import SQLKit

/// Failed sign-ins counted per client address, in windows.
public struct SignInThrottleRepository: Sendable {
    /// The database or transaction to work in (a transaction for writes).
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The failures counted for `address` and when their window started, if any.
    public func failures(of address: String) async throws -> (count: Int, windowStart: Date)? {
        guard let row = try await sql.select().column("*").from("sign_in_throttle").where("address", .equal, address).first() else {
            return nil
        }
        return (
            try row.decode(column: "failures", as: Int.self),
            Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "window_start", as: Int64.self)))
        )
    }

    /// Counts a failure against `address` in one statement (an upsert that starts a new window when
    /// the last one started at or before `windowOver`), so that parallel failures are each counted.
    public func recordFailure(of address: String, at now: Date, windowOver: Date) async throws {
        let over = windowOver.epochSeconds
        try await sql.raw(
            """
            INSERT INTO sign_in_throttle (address, window_start, failures) VALUES (\(bind: address), \(bind: now.epochSeconds), 1)
            ON CONFLICT (address) DO UPDATE SET
              failures = CASE WHEN sign_in_throttle.window_start <= \(bind: over) THEN 1 ELSE sign_in_throttle.failures + 1 END,
              window_start = CASE WHEN sign_in_throttle.window_start <= \(bind: over) THEN excluded.window_start
                ELSE sign_in_throttle.window_start END
            """
        ).run()
    }
}
