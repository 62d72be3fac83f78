extension Migration {
    /// Alerts: one row per alert with its content sealed (all versions) under the alert's own data
    /// key, its delivery per recipient member state, the authorities it was routed to (the need-to-know
    /// of its readers), its steps, and the automatic routing each state's alert coordinators set.
    static let v17Alerts = Migration(
        version: 17, name: "alerts",
        statements: [
            """
            CREATE TABLE alert (
                id TEXT PRIMARY KEY,
                procedure TEXT NOT NULL REFERENCES procedure (code),
                legal_area TEXT NOT NULL REFERENCES legal_area (code),
                template_version INTEGER NOT NULL,
                sender_id TEXT NOT NULL REFERENCES authority (id),
                sender_state TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'closed', 'withdrawn')),
                version INTEGER NOT NULL,
                personal_data TEXT NOT NULL,
                decision_day BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                sent_at BIGINT,
                finished_at BIGINT,
                retention_phase TEXT NOT NULL DEFAULT 'active' CHECK (retention_phase IN ('active', 'blocked', 'deleted')),
                deleted_at BIGINT
            )
            """,
            "CREATE INDEX alert_by_sender ON alert(sender_id, state, updated_at)",
            "CREATE INDEX alert_by_finish ON alert(retention_phase, finished_at)",
            """
            CREATE TABLE alert_data_key (
                alert_id TEXT PRIMARY KEY REFERENCES alert (id),
                master_key_id TEXT NOT NULL,
                wrapped_key TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE alert_delivery (
                alert_id TEXT NOT NULL REFERENCES alert (id),
                member_state TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('received', 'routed', 'acknowledged')),
                PRIMARY KEY (alert_id, member_state)
            )
            """,
            "CREATE INDEX alert_delivery_by_state ON alert_delivery(member_state, state)",
            """
            CREATE TABLE alert_routing (
                alert_id TEXT NOT NULL REFERENCES alert (id),
                authority_id TEXT NOT NULL REFERENCES authority (id),
                member_state TEXT NOT NULL,
                acknowledged BOOLEAN NOT NULL DEFAULT FALSE,
                PRIMARY KEY (alert_id, authority_id)
            )
            """,
            "CREATE INDEX alert_routing_by_authority ON alert_routing(authority_id)",
            """
            CREATE TABLE alert_step (
                alert_id TEXT NOT NULL REFERENCES alert (id),
                position INTEGER NOT NULL,
                action TEXT,
                member_state TEXT,
                user_id TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                at BIGINT NOT NULL,
                routed_to TEXT NOT NULL,
                PRIMARY KEY (alert_id, position)
            )
            """,
            """
            CREATE TABLE alert_deletion_receipt (
                alert_id TEXT PRIMARY KEY REFERENCES alert (id),
                deleted_at BIGINT NOT NULL,
                receipt TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE alert_routing_rule (
                member_state TEXT NOT NULL,
                legal_area TEXT NOT NULL REFERENCES legal_area (code),
                authority_id TEXT NOT NULL REFERENCES authority (id),
                PRIMARY KEY (member_state, legal_area, authority_id)
            )
            """,
        ])
}
