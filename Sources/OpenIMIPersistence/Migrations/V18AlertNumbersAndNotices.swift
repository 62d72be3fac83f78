extension Migration {
    /// Alert numbers (`A-DK-2026-000017`, one sequence per state and year), the notices of alerts in
    /// authorities' inboxes, and e-mails about alerts in the same outbox as those about requests.
    /// Alerts of version 17 are numbered in creation order. Automatic routing records who set it,
    /// and a routing step whether it was automatic. Deliveries and routings carry their alert's last
    /// change, so that received and routed lists read newest first from an index. An alert keeps the
    /// language of the person concerned, chosen when it is sent, for their information notice. The
    /// blind index finds alerts by person or business as it finds requests.
    static let v18AlertNumbersAndNotices = Migration(
        version: 18, name: "alert numbers and notices",
        statements: [
            """
            CREATE TABLE alert_number_sequence (
                member_state TEXT NOT NULL,
                year INTEGER NOT NULL,
                last_sequence BIGINT NOT NULL,
                PRIMARY KEY (member_state, year)
            )
            """,
            "ALTER TABLE alert ADD COLUMN number TEXT",
            .dialects(
                sqlite: """
                    UPDATE alert SET number = numbered.number FROM (
                        SELECT id, printf('A-%s-%s-%06d', sender_state, strftime('%Y', created_at, 'unixepoch'),
                            ROW_NUMBER() OVER (PARTITION BY sender_state, strftime('%Y', created_at, 'unixepoch') ORDER BY created_at, id)) AS number
                        FROM alert
                    ) AS numbered WHERE numbered.id = alert.id
                    """,
                postgresql: """
                    UPDATE alert SET number = numbered.number FROM (
                        SELECT id, 'A-' || sender_state || '-' || year || '-' || lpad(sequence::text, greatest(6, length(sequence::text)), '0') AS number
                        FROM (
                            SELECT id, sender_state, to_char(to_timestamp(created_at) AT TIME ZONE 'UTC', 'YYYY') AS year,
                                ROW_NUMBER() OVER (PARTITION BY sender_state, to_char(to_timestamp(created_at) AT TIME ZONE 'UTC', 'YYYY')
                                    ORDER BY created_at, id) AS sequence
                            FROM alert
                        ) AS counted
                    ) AS numbered WHERE numbered.id = alert.id
                    """),
            """
            INSERT INTO alert_number_sequence (member_state, year, last_sequence)
            SELECT substr(number, 3, 2), CAST(substr(number, 6, 4) AS INTEGER), MAX(CAST(substr(number, 11) AS BIGINT))
            FROM alert WHERE number IS NOT NULL
            GROUP BY substr(number, 3, 2), CAST(substr(number, 6, 4) AS INTEGER)
            """,
            "CREATE UNIQUE INDEX alert_by_number ON alert(number)",
            """
            CREATE TABLE alert_notification (
                id TEXT PRIMARY KEY,
                organisation_id TEXT NOT NULL,
                alert_id TEXT NOT NULL REFERENCES alert (id),
                legal_area TEXT NOT NULL,
                action TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX alert_notification_by_organisation ON alert_notification(organisation_id, at)",
            "ALTER TABLE mail_outbox ADD COLUMN alert_id TEXT",
            "ALTER TABLE alert_step ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE alert ADD COLUMN notice_language TEXT",
            """
            CREATE TABLE alert_subject_index (
                token TEXT NOT NULL,
                alert_id TEXT NOT NULL REFERENCES alert (id),
                PRIMARY KEY (token, alert_id)
            )
            """,
            "CREATE INDEX alert_subject_index_by_alert ON alert_subject_index (alert_id)",
            "ALTER TABLE alert_routing_rule ADD COLUMN set_by TEXT",
            "ALTER TABLE alert_routing_rule ADD COLUMN set_at BIGINT",
            // Lists of received and routed alerts come newest first straight from an index.
            "ALTER TABLE alert_delivery ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE alert_routing ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0",
            "UPDATE alert_delivery SET updated_at = (SELECT a.updated_at FROM alert a WHERE a.id = alert_delivery.alert_id)",
            "UPDATE alert_routing SET updated_at = (SELECT a.updated_at FROM alert a WHERE a.id = alert_routing.alert_id)",
            "CREATE INDEX alert_delivery_by_recency ON alert_delivery(member_state, updated_at)",
            "CREATE INDEX alert_routing_by_recency ON alert_routing(authority_id, updated_at)",
            "CREATE INDEX alert_by_sender_recency ON alert(sender_id, updated_at)",
        ])
}
