import Foundation
import SQLKit

/// Leases of scheduled jobs, so that of several instances only one runs a job at a time.
public struct JobLeaseRepository: Sendable {
    /// The transaction to work in.
    public let sql: any SQLDatabase

    /// Works through `sql`, a transaction.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Takes the lease of job `name` for `owner` until `leaseUntil` when it is free at `now` and last
    /// finished at or before `dueBefore` (or never); one conditional statement, so one instance wins.
    public func claim(_ name: String, owner: String, now: Date, leaseUntil: Date, dueBefore: Int64) async throws -> Bool {
        let stamp = now.epochSeconds
        try await sql.insert(into: "job_lease").columns("job", "owner", "lease_until", "last_finished_at")
            .values(SQLBind(name), SQLBind(String?.none), SQLBind(Int64(0)), SQLBind(Int64?.none))
            .ignoringConflicts(with: "job").run()
        return try await !sql.update("job_lease").set("owner", to: owner).set("lease_until", to: leaseUntil.epochSeconds)
            .where("job", .equal, name).where("lease_until", .lessThanOrEqual, stamp)
            .where { $0.where("last_finished_at", .is, SQLLiteral.null).orWhere("last_finished_at", .lessThanOrEqual, dueBefore) }
            .returning("job").all().isEmpty
    }

    /// Records that `owner` finished job `name` at `now` and releases its lease.
    public func finish(_ name: String, owner: String, at now: Date) async throws {
        try await sql.update("job_lease").set("last_finished_at", to: now.epochSeconds).set("lease_until", to: Int64(0))
            .set("owner", to: String?.none).where("job", .equal, name).where("owner", .equal, owner).run()
    }
}
