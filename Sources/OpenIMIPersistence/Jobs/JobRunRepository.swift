import Foundation
import SQLKit

/// One run of a scheduled job.
public struct JobRun: Sendable, Hashable, Codable {
    /// The job's name.
    public var job: String
    /// The instance that ran it.
    public var owner: String
    /// When it started and finished, in seconds since 1970.
    public var startedAt: Int64
    public var finishedAt: Int64
    /// `finished` or `failed`.
    public var outcome: String
    /// What it did, or why it failed (no personal data: jobs summarise in counts).
    public var summary: String

    /// Creates a run.
    public init(job: String, owner: String, startedAt: Int64, finishedAt: Int64, outcome: String, summary: String) {
        self.job = job
        self.owner = owner
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.summary = summary
    }
}

/// The history of scheduled jobs' runs.
public struct JobRunRepository: Sendable {
    /// How long runs are kept.
    public static let kept: TimeInterval = 90 * 86_400

    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records `run` and forgets that job's runs older than ``kept``.
    public func record(_ run: JobRun) async throws {
        try await sql.insert(into: "job_run").columns("id", "job", "owner", "started_at", "finished_at", "outcome", "summary")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(run.job), SQLBind(run.owner), SQLBind(run.startedAt),
                SQLBind(run.finishedAt), SQLBind(run.outcome), SQLBind(String(run.summary.prefix(500)))
            ).run()
        try await sql.delete(from: "job_run").where("job", .equal, run.job)
            .where("started_at", .lessThan, run.startedAt - Int64(Self.kept)).run()
    }

    /// The runs of every job since `since`, oldest first.
    public func runs(since: Int64) async throws -> [JobRun] {
        try await sql.select().columns("job", "owner", "started_at", "finished_at", "outcome", "summary").from("job_run")
            .where("started_at", .greaterThanOrEqual, since).orderBy("started_at").orderBy("job").all(
                decoding: JobRun.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
