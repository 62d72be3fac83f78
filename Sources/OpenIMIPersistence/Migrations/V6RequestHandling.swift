extension Migration {
    /// Allocation to a handler, attachments, the counterpart's notifications, the mail outbox, and
    /// inbox indexes by party, area, state and deadline.
    static let v6RequestHandling = Migration(
        version: 6, name: "request handling",
        statements: [
            "ALTER TABLE information_request ADD COLUMN allocated_to TEXT",
            // Inboxes filter by party, legal area and state and sort by deadline; these replace the
            // indexes of version 4, which lacked the area.
            "DROP INDEX information_request_by_requester",
            "DROP INDEX information_request_by_responder",
            "CREATE INDEX information_request_requester_inbox ON information_request(requester_id, legal_area, state, deadline)",
            "CREATE INDEX information_request_responder_inbox ON information_request(responder_id, legal_area, state, deadline)",
            "CREATE INDEX information_request_by_referral ON information_request(referred_to, state, deadline)",
            // The default inbox lists open requests by deadline: these partial indexes hold only the
            // open ones (a few percent of the table after some years) in deadline order, with the
            // columns the inbox filters on, so a page reads about as many entries as it shows.
            """
            CREATE INDEX information_request_requester_open ON information_request(requester_id, deadline, id, legal_area, state)
            WHERE state NOT IN ('closed', 'withdrawn')
            """,
            """
            CREATE INDEX information_request_responder_open
            ON information_request(responder_id, deadline, id, legal_area, state, allocated_to)
            WHERE state NOT IN ('closed', 'withdrawn')
            """,
            .dialects(
                sqlite: """
                    CREATE TABLE request_attachment (
                        id TEXT PRIMARY KEY,
                        request_id TEXT NOT NULL REFERENCES information_request(id),
                        name TEXT NOT NULL,
                        media_type TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        content BLOB NOT NULL,
                        user_id TEXT NOT NULL,
                        organisation_id TEXT NOT NULL,
                        uploaded_at BIGINT NOT NULL
                    )
                    """,
                postgresql: """
                    CREATE TABLE request_attachment (
                        id TEXT PRIMARY KEY,
                        request_id TEXT NOT NULL REFERENCES information_request(id),
                        name TEXT NOT NULL,
                        media_type TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        content BYTEA NOT NULL,
                        user_id TEXT NOT NULL,
                        organisation_id TEXT NOT NULL,
                        uploaded_at BIGINT NOT NULL
                    )
                    """),
            "CREATE INDEX request_attachment_by_request ON request_attachment(request_id, uploaded_at)",
            """
            CREATE TABLE request_notification (
                id TEXT PRIMARY KEY,
                organisation_id TEXT NOT NULL,
                user_id TEXT,
                request_id TEXT NOT NULL REFERENCES information_request(id),
                legal_area TEXT NOT NULL,
                action TEXT NOT NULL,
                state TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX request_notification_by_organisation ON request_notification(organisation_id, at)",
            """
            CREATE TABLE mail_outbox (
                id TEXT PRIMARY KEY,
                recipient TEXT NOT NULL,
                language TEXT NOT NULL,
                request_id TEXT NOT NULL,
                action TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                sent_at BIGINT,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT
            )
            """,
            "CREATE INDEX mail_outbox_pending ON mail_outbox(sent_at, created_at)",
        ])
}
