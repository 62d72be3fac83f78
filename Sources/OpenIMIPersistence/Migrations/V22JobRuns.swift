extension Migration {
    /// The history of scheduled jobs' runs: which instance ran which job when, and whether it
    /// finished; kept for 90 days, for operators, metrics and the check that several instances
    /// run each job once per period.
    static let v22JobRuns = Migration(
        version: 22, name: "job runs",
        statements: [
            """
            CREATE TABLE job_run (
                id TEXT PRIMARY KEY,
                job TEXT NOT NULL,
                owner TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'failed')),
                summary TEXT NOT NULL
            )
            """,
            "CREATE INDEX job_run_by_job ON job_run(job, started_at)",
        ])
}
