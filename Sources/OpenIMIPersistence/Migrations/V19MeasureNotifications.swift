extension Migration {
    /// Notifications of national measures: the notification with its title and text (no personal
    /// data by design, so not sealed), the member states it went to, and its steps with the comment
    /// thread; numbered `N-DK-2026-000003` from a sequence per state and year.
    static let v19MeasureNotifications = Migration(
        version: 19, name: "notifications of national measures",
        statements: [
            """
            CREATE TABLE measure_notification (
                id TEXT PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                procedure TEXT NOT NULL REFERENCES procedure (code),
                legal_area TEXT NOT NULL REFERENCES legal_area (code),
                sender_id TEXT NOT NULL,
                sender_state TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'closed')),
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                language TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                sent_at BIGINT
            )
            """,
            "CREATE INDEX measure_notification_by_sender ON measure_notification(sender_id, updated_at)",
            """
            CREATE TABLE measure_notification_recipient (
                notification_id TEXT NOT NULL REFERENCES measure_notification (id),
                member_state TEXT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (notification_id, member_state)
            )
            """,
            "CREATE INDEX measure_notification_recipient_by_state ON measure_notification_recipient(member_state, updated_at)",
            """
            CREATE TABLE measure_notification_step (
                notification_id TEXT NOT NULL REFERENCES measure_notification (id),
                position INTEGER NOT NULL,
                action TEXT,
                user_id TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                member_state TEXT NOT NULL,
                comment TEXT,
                comment_language TEXT,
                at BIGINT NOT NULL,
                PRIMARY KEY (notification_id, position)
            )
            """,
            """
            CREATE TABLE notification_number_sequence (
                member_state TEXT NOT NULL,
                year INTEGER NOT NULL,
                last_sequence BIGINT NOT NULL,
                PRIMARY KEY (member_state, year)
            )
            """,
        ])
}
