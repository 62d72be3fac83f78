extension Migration {
    /// How many requests each organisation has in each legal area and state, per column naming it
    /// (`requester_id`, `responder_id`, `referred_to`), so that an inbox's counts read a few rows
    /// instead of every open request of the organisation (see ``InboxTally``).
    ///
    /// Triggers on `information_request` add a row of +1 or −1 for every change (`folded = 0`);
    /// nothing ever updates a shared row, so concurrent transactions never wait for each other here
    /// nor deadlock. A fold sums a key's rows into one (`folded = 1`). A draft counts only while its
    /// data are live (`state <> 'draft' OR retention_phase = 'active'`), as in the inbox itself.
    ///
    /// `party` names the column (a fixed set, checked). On PostgreSQL the requests are locked
    /// against writes for the migration's transaction, so that no request written by a running
    /// instance between the first count and the triggers' creation is missed.
    static let v24InboxTally = Migration(
        version: 24, name: "inbox tally",
        statements: [
            .dialects(sqlite: nil, postgresql: "LOCK TABLE information_request IN SHARE ROW EXCLUSIVE MODE"),
            """
            CREATE TABLE inbox_tally (
                party TEXT NOT NULL CHECK (party IN ('requester_id', 'responder_id', 'referred_to')),
                organisation_id TEXT NOT NULL,
                legal_area TEXT NOT NULL,
                state TEXT NOT NULL,
                n INTEGER NOT NULL,
                folded INTEGER NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX inbox_tally_by_key ON inbox_tally(party, organisation_id, legal_area, state, n)",
            "CREATE INDEX inbox_tally_unfolded ON inbox_tally(party, organisation_id, legal_area, state) WHERE folded = 0",
            .portable("INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n, folded) " + Migration.inboxTallyCounting),
            .dialects(
                sqlite: """
                    CREATE TRIGGER inbox_tally_insert AFTER INSERT ON information_request
                    WHEN NEW.state <> 'draft' OR NEW.retention_phase = 'active'
                    BEGIN
                        INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n) VALUES
                            ('requester_id', NEW.requester_id, NEW.legal_area, NEW.state, 1),
                            ('responder_id', NEW.responder_id, NEW.legal_area, NEW.state, 1);
                        INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n)
                            SELECT 'referred_to', NEW.referred_to, NEW.legal_area, NEW.state, 1 WHERE NEW.referred_to IS NOT NULL;
                    END
                    """,
                postgresql: """
                    CREATE FUNCTION inbox_tally_count() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP IN ('UPDATE', 'DELETE') AND (OLD.state <> 'draft' OR OLD.retention_phase = 'active') THEN
                            INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n)
                            SELECT party, organisation_id, OLD.legal_area, OLD.state, -1
                            FROM (VALUES ('requester_id', OLD.requester_id), ('responder_id', OLD.responder_id),
                                         ('referred_to', OLD.referred_to)) AS named(party, organisation_id)
                            WHERE organisation_id IS NOT NULL;
                        END IF;
                        IF TG_OP IN ('INSERT', 'UPDATE') AND (NEW.state <> 'draft' OR NEW.retention_phase = 'active') THEN
                            INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n)
                            SELECT party, organisation_id, NEW.legal_area, NEW.state, 1
                            FROM (VALUES ('requester_id', NEW.requester_id), ('responder_id', NEW.responder_id),
                                         ('referred_to', NEW.referred_to)) AS named(party, organisation_id)
                            WHERE organisation_id IS NOT NULL;
                        END IF;
                        RETURN NULL;
                    END $$
                    """),
            .dialects(
                sqlite: """
                    CREATE TRIGGER inbox_tally_delete AFTER DELETE ON information_request
                    WHEN OLD.state <> 'draft' OR OLD.retention_phase = 'active'
                    BEGIN
                        INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n) VALUES
                            ('requester_id', OLD.requester_id, OLD.legal_area, OLD.state, -1),
                            ('responder_id', OLD.responder_id, OLD.legal_area, OLD.state, -1);
                        INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n)
                            SELECT 'referred_to', OLD.referred_to, OLD.legal_area, OLD.state, -1 WHERE OLD.referred_to IS NOT NULL;
                    END
                    """,
                postgresql: """
                    CREATE TRIGGER inbox_tally_insert_delete AFTER INSERT OR DELETE ON information_request
                    FOR EACH ROW EXECUTE FUNCTION inbox_tally_count()
                    """),
            .dialects(
                sqlite: """
                    CREATE TRIGGER inbox_tally_update AFTER UPDATE ON information_request
                    WHEN OLD.state IS NOT NEW.state OR OLD.legal_area IS NOT NEW.legal_area
                        OR OLD.requester_id IS NOT NEW.requester_id OR OLD.responder_id IS NOT NEW.responder_id
                        OR OLD.referred_to IS NOT NEW.referred_to OR OLD.retention_phase IS NOT NEW.retention_phase
                    BEGIN
                        INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n)
                            SELECT party, organisation_id, OLD.legal_area, OLD.state, -1 FROM (
                                SELECT 'requester_id' AS party, OLD.requester_id AS organisation_id
                                UNION ALL SELECT 'responder_id', OLD.responder_id
                                UNION ALL SELECT 'referred_to', OLD.referred_to
                            ) WHERE organisation_id IS NOT NULL AND (OLD.state <> 'draft' OR OLD.retention_phase = 'active');
                        INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n)
                            SELECT party, organisation_id, NEW.legal_area, NEW.state, 1 FROM (
                                SELECT 'requester_id' AS party, NEW.requester_id AS organisation_id
                                UNION ALL SELECT 'responder_id', NEW.responder_id
                                UNION ALL SELECT 'referred_to', NEW.referred_to
                            ) WHERE organisation_id IS NOT NULL AND (NEW.state <> 'draft' OR NEW.retention_phase = 'active');
                    END
                    """,
                postgresql: """
                    CREATE TRIGGER inbox_tally_update AFTER UPDATE ON information_request FOR EACH ROW
                    WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.legal_area IS DISTINCT FROM NEW.legal_area
                        OR OLD.requester_id IS DISTINCT FROM NEW.requester_id OR OLD.responder_id IS DISTINCT FROM NEW.responder_id
                        OR OLD.referred_to IS DISTINCT FROM NEW.referred_to OR OLD.retention_phase IS DISTINCT FROM NEW.retention_phase)
                    EXECUTE FUNCTION inbox_tally_count()
                    """),
        ])

    /// The tally counted from the requests, one folded row per key, as `INSERT … SELECT` takes it:
    /// what migration 24 starts from and ``InboxTally/recount()`` writes again.
    static let inboxTallyCounting = """
        SELECT party, organisation_id, legal_area, state, COUNT(*), 1 FROM (
            SELECT 'requester_id' AS party, requester_id AS organisation_id, legal_area, state FROM information_request
            WHERE state <> 'draft' OR retention_phase = 'active'
            UNION ALL
            SELECT 'responder_id', responder_id, legal_area, state FROM information_request
            WHERE state <> 'draft' OR retention_phase = 'active'
            UNION ALL
            SELECT 'referred_to', referred_to, legal_area, state FROM information_request
            WHERE referred_to IS NOT NULL AND (state <> 'draft' OR retention_phase = 'active')
        ) AS counted GROUP BY party, organisation_id, legal_area, state
        """
}
