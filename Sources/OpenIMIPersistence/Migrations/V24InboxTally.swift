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
                    BEGIN \(inboxTallyChange(of: "NEW", by: 1)); END
                    """,
                postgresql: """
                    CREATE FUNCTION inbox_tally_count() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP IN ('UPDATE', 'DELETE') THEN \(inboxTallyChange(of: "OLD", by: -1)); END IF;
                        IF TG_OP IN ('INSERT', 'UPDATE') THEN \(inboxTallyChange(of: "NEW", by: 1)); END IF;
                        RETURN NULL;
                    END $$
                    """),
            .dialects(
                sqlite: """
                    CREATE TRIGGER inbox_tally_delete AFTER DELETE ON information_request
                    BEGIN \(inboxTallyChange(of: "OLD", by: -1)); END
                    """,
                postgresql: """
                    CREATE TRIGGER inbox_tally_insert_delete AFTER INSERT OR DELETE ON information_request
                    FOR EACH ROW EXECUTE FUNCTION inbox_tally_count()
                    """),
            .dialects(
                sqlite: """
                    CREATE TRIGGER inbox_tally_update AFTER UPDATE ON information_request
                    WHEN \(inboxTallyColumnsChanged(differ: "IS NOT"))
                    BEGIN \(inboxTallyChange(of: "OLD", by: -1)); \(inboxTallyChange(of: "NEW", by: 1)); END
                    """,
                postgresql: """
                    CREATE TRIGGER inbox_tally_update AFTER UPDATE ON information_request FOR EACH ROW
                    WHEN (\(inboxTallyColumnsChanged(differ: "IS DISTINCT FROM"))) EXECUTE FUNCTION inbox_tally_count()
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

    /// The statement a trigger runs for `row` (`NEW` or `OLD`) of `information_request`: a row of
    /// `n` (+1 for the new version, −1 for the old) for each column naming an organisation, when the
    /// request counts (a draft only while its data are live).
    private static func inboxTallyChange(of row: String, by n: Int) -> String {
        """
        INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n)
        SELECT party, organisation_id, \(row).legal_area, \(row).state, \(n) FROM (
            SELECT 'requester_id' AS party, \(row).requester_id AS organisation_id
            UNION ALL SELECT 'responder_id', \(row).responder_id
            UNION ALL SELECT 'referred_to', \(row).referred_to
        ) AS named WHERE organisation_id IS NOT NULL AND (\(row).state <> 'draft' OR \(row).retention_phase = 'active')
        """
    }

    /// The condition that a change touched a column the tally counts by, with `differ` the
    /// engine's null-safe inequality.
    private static func inboxTallyColumnsChanged(differ: String) -> String {
        ["state", "legal_area", "requester_id", "responder_id", "referred_to", "retention_phase"]
            .map { "OLD.\($0) \(differ) NEW.\($0)" }.joined(separator: " OR ")
    }
}
