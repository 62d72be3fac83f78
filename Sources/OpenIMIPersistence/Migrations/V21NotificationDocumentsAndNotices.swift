extension Migration {
    /// Documents attached to notifications, in the order they were added (not sealed: a notification describes a measure and
    /// carries no personal data by design, as its title and text), the notices of notifications in
    /// organisations' inboxes, and e-mails about notifications in the same outbox as the others.
    static let v21NotificationDocumentsAndNotices = Migration(
        version: 21, name: "notification documents and notices",
        statements: [
            .dialects(
                sqlite: """
                    CREATE TABLE measure_notification_attachment (
                        id TEXT PRIMARY KEY,
                        notification_id TEXT NOT NULL REFERENCES measure_notification (id),
                        name TEXT NOT NULL,
                        media_type TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        content BLOB NOT NULL,
                        user_id TEXT NOT NULL,
                        organisation_id TEXT NOT NULL,
                        uploaded_at BIGINT NOT NULL,
                        position INTEGER NOT NULL
                    )
                    """,
                postgresql: """
                    CREATE TABLE measure_notification_attachment (
                        id TEXT PRIMARY KEY,
                        notification_id TEXT NOT NULL REFERENCES measure_notification (id),
                        name TEXT NOT NULL,
                        media_type TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        content BYTEA NOT NULL,
                        user_id TEXT NOT NULL,
                        organisation_id TEXT NOT NULL,
                        uploaded_at BIGINT NOT NULL,
                        position INTEGER NOT NULL
                    )
                    """),
            "CREATE INDEX measure_notification_attachment_by_notification ON measure_notification_attachment(notification_id, position)",
            """
            CREATE TABLE measure_notification_notice (
                id TEXT PRIMARY KEY,
                organisation_id TEXT NOT NULL,
                notification_id TEXT NOT NULL REFERENCES measure_notification (id),
                action TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX measure_notification_notice_by_organisation ON measure_notification_notice(organisation_id, at)",
            "ALTER TABLE mail_outbox ADD COLUMN notification_id TEXT",
        ])
}
