extension Migration {
    /// Access-log entries waiting for their place in the chain: a transaction queues its entries
    /// without touching the chain's head, and the sequencer chains them in batches (see
    /// ``LogChain``), so that concurrent transactions no longer wait for each other's commits.
    /// `queued` keeps the order in which one transaction wrote its entries. A queued row leaves the
    /// queue only once its entry is chained, and is never changed: whoever can write the queue still
    /// cannot keep a committed entry out of the chain.
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
                    """),
            .dialects(
                sqlite: """
                    CREATE TRIGGER log_pending_leaves_once_chained BEFORE DELETE ON log_pending
                    WHEN NOT EXISTS (SELECT 1 FROM log_chain WHERE entry_id = OLD.entry_id)
                    BEGIN SELECT RAISE(ABORT, 'a queued access-log entry leaves the queue only once chained'); END
                    """,
                postgresql: """
                    CREATE FUNCTION log_pending_leaves_once_chained() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'UPDATE' OR NOT EXISTS (SELECT 1 FROM log_chain WHERE entry_id = OLD.entry_id) THEN
                            RAISE EXCEPTION 'a queued access-log entry leaves the queue only once chained';
                        END IF;
                        RETURN OLD;
                    END $$
                    """),
            .dialects(
                sqlite:
                    "CREATE TRIGGER log_pending_no_update BEFORE UPDATE ON log_pending BEGIN SELECT RAISE(ABORT, 'log_pending rows are never changed'); END",
                postgresql:
                    "CREATE TRIGGER log_pending_leaves_once_chained BEFORE UPDATE OR DELETE ON log_pending FOR EACH ROW EXECUTE FUNCTION log_pending_leaves_once_chained()"
            ),
        ])
}
