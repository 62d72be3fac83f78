import Foundation
import Logging
import OpenIMIPersistence

/// Runs due jobs, each under a lease in `job_lease`, so that several server instances can share a
/// database without running the same job at once.
public struct JobScheduler: Sendable {
    /// The database holding the leases.
    public let database: any Database
    /// The jobs.
    public let jobs: [any ScheduledJob]
    /// Identifies this instance in the lease table.
    public let owner: String
    /// Where runs are logged.
    public let logger: Logger
    /// How long a lease lasts before another instance may take over a crashed run.
    public var leaseDuration: TimeInterval = 15 * 60

    /// Creates a scheduler.
    public init(database: any Database, jobs: [any ScheduledJob], owner: String = UUID().uuidString, logger: Logger) {
        self.database = database
        self.jobs = jobs
        self.owner = owner
        self.logger = logger
    }

    /// Runs every job that is due and not leased by another instance; returns the names run and their summaries.
    @discardableResult
    public func runDue(now: Date, force: Bool = false) async throws -> [(job: String, summary: String)] {
        var ran: [(String, String)] = []
        for job in jobs {
            guard try await claim(job, now: now, force: force) else { continue }
            let started = Date()
            let summary: String
            do {
                summary = try await job.run(now: now)
            } catch {
                // The lease stays until it expires, so the job is tried again then; the failure is on record.
                try? await record(job, at: now, started: started, outcome: "failed", summary: "\(type(of: error))")
                throw error
            }
            try await database.transaction { sql in try await JobLeaseRepository(sql: sql).finish(job.name, owner: owner, at: now) }
            do {
                try await record(job, at: now, started: started, outcome: "finished", summary: summary)
            } catch {
                // The job ran and its lease is released; a history that could not be written must
                // not stop the other jobs of the round.
                logger.error("Job run not recorded", metadata: ["job": "\(job.name)", "error.type": "\(type(of: error))"])
            }
            logger.info("Job finished", metadata: ["job": "\(job.name)", "summary": "\(summary)"])
            ran.append((job.name, summary))
        }
        return ran
    }

    /// Takes the lease of `job` when it is due and free; one conditional UPDATE, so only one instance wins.
    /// Records the run of `job` due at `now` (the scheduler's clock), which took from `started` until now.
    private func record(_ job: any ScheduledJob, at now: Date, started: Date, outcome: String, summary: String) async throws {
        PlatformMetrics.jobRan(job.name, outcome: outcome)
        let run = JobRun(
            job: job.name, owner: owner, startedAt: now.epochSeconds,
            finishedAt: now.addingTimeInterval(Date().timeIntervalSince(started)).epochSeconds, outcome: outcome, summary: summary)
        try await database.transaction { sql in try await JobRunRepository(sql: sql).record(run) }
    }

    private func claim(_ job: any ScheduledJob, now: Date, force: Bool) async throws -> Bool {
        let stamp = Int64(now.timeIntervalSince1970)
        let dueBefore = force ? Int64.max : stamp - Int64(job.interval)
        let owner = self.owner
        let leaseUntil = now.addingTimeInterval(leaseDuration)
        return try await database.transaction { sql in
            try await JobLeaseRepository(sql: sql).claim(job.name, owner: owner, now: now, leaseUntil: leaseUntil, dueBefore: dueBefore)
        }
    }
}
