extension Migration {
    /// Information requests, their steps, and the append-only access log of personal data.
    static let v4Requests = Migration(
        version: 4, name: "information requests",
        statements: [
            """
            CREATE TABLE information_request (
                id TEXT PRIMARY KEY,
                procedure TEXT NOT NULL REFERENCES procedure(code),
                legal_area TEXT NOT NULL REFERENCES legal_area(code),
                question_set_version INTEGER NOT NULL,
                requester_id TEXT NOT NULL REFERENCES authority(id),
                responder_id TEXT NOT NULL REFERENCES authority(id),
                earlier_responders TEXT NOT NULL,
                referred_to TEXT,
                state TEXT NOT NULL,
                version INTEGER NOT NULL,
                deadline BIGINT NOT NULL,
                proposed_deadline BIGINT,
                formal_closure_at BIGINT,
                questions TEXT NOT NULL,
                personal_data TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX information_request_by_requester ON information_request(requester_id, state, deadline)",
            "CREATE INDEX information_request_by_responder ON information_request(responder_id, state, deadline)",
            """
            CREATE TABLE request_step (
                request_id TEXT NOT NULL REFERENCES information_request(id),
                position INTEGER NOT NULL,
                action TEXT,
                from_state TEXT,
                to_state TEXT NOT NULL,
                user_id TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                at BIGINT NOT NULL,
                comment TEXT,
                PRIMARY KEY (request_id, position)
            )
            """,
            """
            CREATE TABLE access_log (
                id TEXT PRIMARY KEY,
                at BIGINT NOT NULL,
                user_id TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                request_id TEXT NOT NULL,
                operation TEXT NOT NULL,
                purpose TEXT NOT NULL,
                fields TEXT NOT NULL
            )
            """,
            "CREATE INDEX access_log_by_request ON access_log(request_id, at)",
            // Append-only from the application's side: rows can be added, never changed or removed.
            .dialects(
                sqlite:
                    "CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END",
                postgresql: """
                    CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'access_log is append-only'; END $$
                    """),
            .dialects(
                sqlite:
                    "CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END",
                postgresql:
                    "CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()"
            ),
        ])
}
