extension Migration {
    /// Access-log entries waiting for their place in the chain: a transaction queues its entries
    /// without touching the chain's head, and the sequencer chains them in batches (see
    /// ``LogChain``), so that concurrent transactions no longer wait for each other's commits.
    /// `queued` keeps the order in which one transaction wrote its entries.
    static let v23LogQueue = Migration(
        version: 23, name: "access-log queue",
        statements: [
            .dialects(
                sqlite: """
                    CREATE TABLE log_pending (
                        queued INTEGER PRIMARY KEY AUTOINCREMENT,
                        entry_id TEXT NOT NULL UNIQUE REFERENCES access_log(id)
                    )
                    """,
                postgresql: """
                    CREATE TABLE log_pending (
                        queued BIGSERIAL PRIMARY KEY,
                        entry_id TEXT NOT NULL UNIQUE REFERENCES access_log(id)
                    )
                    """)
        ])
}
