import OpenIMIDomain
import SQLKit

/// How many requests an organisation has per legal area and state, kept by triggers on
/// `information_request` (migration 24) as rows of +1 and −1 that ``fold()`` sums.
///
/// Counting an inbox by its requests reads every open request of the organisation: thousands for a
/// large authority, on every inbox page. The tally reads one row per area and state, plus the
/// changes since the last fold (run every second; on PostgreSQL by one instance at a time). The
/// triggers write in the transaction of the change itself, so the tally moves with the requests;
/// whoever changes requests with triggers disabled (a restore with `--disable-triggers`, say) must
/// ``recount()`` afterwards (`openimi recount-inboxes`).
public struct InboxTally: Sendable {
    /// The database, or the transaction, read and written.
    public let sql: any SQLDatabase

    /// Works on `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The requests in `states` and `areas` naming `organisation` in any of `parties`, by state;
    /// drafts only where `draftsOf` names it (an authority sees its own drafts, never another's).
    public func counts(
        parties: [String], draftsOf: String?, organisation: String, areas: Set<String>, states: Set<RequestState>
    ) async throws -> [RequestState: Int] {
        guard !parties.isEmpty, !areas.isEmpty, !states.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT state, SUM(n) AS n FROM inbox_tally WHERE organisation_id = \(bind: organisation) AND party IN (\(binds: parties))
            AND legal_area IN (\(binds: areas.sorted())) AND state IN (\(binds: states.map(\.rawValue).sorted()))
            AND (state <> 'draft' OR party = \(bind: draftsOf ?? "")) GROUP BY state
            """
        ).all()
        var counts: [RequestState: Int] = [:]
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            if n != 0 { counts[try row.decode(column: "state", as: RequestState.self, table: "inbox_tally")] = n }
        }
        return counts
    }

    /// Sums the rows of every key that changed since the last fold into one; returns how many
    /// changes were folded. Run inside a transaction. On SQLite it runs in the one writer's
    /// transaction; on PostgreSQL one instance folds at a time (``ClusterLock/inboxTally``; the
    /// others skip the round) in one statement, which sums exactly the rows it deletes, so that
    /// transactions adding changes meanwhile lose or count nothing, and each changed key is left as
    /// one row.
    public func fold() async throws -> Int {
        let keys = "party, organisation_id, legal_area, state"
        if sql.dialect.name == "postgresql" {
            let locked = try await sql.raw(
                "SELECT pg_try_advisory_xact_lock(\(literal: ClusterLock.inboxTally.rawValue)) AS locked"
            ).first()?.decode(column: "locked", as: Bool.self)
            guard locked == true else { return 0 }
            let row = try await sql.raw(
                """
                WITH changed AS (SELECT DISTINCT \(unsafeRaw: keys) FROM inbox_tally WHERE folded = 0),
                gone AS (
                    DELETE FROM inbox_tally t USING changed c
                    WHERE t.party = c.party AND t.organisation_id = c.organisation_id AND t.legal_area = c.legal_area AND t.state = c.state
                    RETURNING t.party, t.organisation_id, t.legal_area, t.state, t.n, t.folded
                ),
                summed AS (
                    INSERT INTO inbox_tally (\(unsafeRaw: keys), n, folded)
                    SELECT \(unsafeRaw: keys), SUM(n), 1 FROM gone GROUP BY \(unsafeRaw: keys) HAVING SUM(n) <> 0
                )
                SELECT COUNT(*) AS n FROM gone WHERE folded = 0
                """
            ).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
        // One writer: nothing interleaves. The sums are written as `folded = 2` first, so that the
        // rows they replace can be told apart, then marked folded.
        let changed =
            try await sql.raw("SELECT COUNT(*) AS n FROM inbox_tally WHERE folded = 0").first()?.decode(column: "n", as: Int.self) ?? 0
        guard changed > 0 else { return 0 }
        let changedKeys: SQLQueryString = "(\(unsafeRaw: keys)) IN (SELECT \(unsafeRaw: keys) FROM inbox_tally WHERE folded = 0)"
        try await sql.raw(
            "INSERT INTO inbox_tally (\(unsafeRaw: keys), n, folded) SELECT \(unsafeRaw: keys), SUM(n), 2 FROM inbox_tally WHERE "
                + changedKeys + " GROUP BY \(unsafeRaw: keys)"
        ).run()
        try await sql.raw(
            "DELETE FROM inbox_tally WHERE folded <> 2 AND (\(unsafeRaw: keys)) IN (SELECT \(unsafeRaw: keys) FROM inbox_tally WHERE folded = 2)"
        ).run()
        try await sql.raw("DELETE FROM inbox_tally WHERE folded = 2 AND n = 0").run()
        try await sql.raw("UPDATE inbox_tally SET folded = 1 WHERE folded = 2").run()
        return changed
    }

    /// Counts the tally afresh from the requests, replacing what it held. Run inside a transaction;
    /// on PostgreSQL the requests are locked against writes until it ends.
    public func recount() async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("LOCK TABLE information_request IN SHARE ROW EXCLUSIVE MODE").run()
        }
        try await sql.raw("DELETE FROM inbox_tally").run()
        try await sql.raw(
            "INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n, folded) \(unsafeRaw: Migration.inboxTallyCounting)"
        ).run()
    }
}
