extension Migration {
    /// Where each request's personal data stand in their retention life, the signed receipts of
    /// their deletion, when a request never closed was flagged to its authorities, and every opening
    /// of blocked data with its purpose and (sealed) justification.
    static let v10Retention = Migration(
        version: 10, name: "retention",
        statements: [
            "ALTER TABLE information_request ADD COLUMN retention_phase TEXT NOT NULL DEFAULT 'active'",
            "ALTER TABLE information_request ADD COLUMN blocked_at BIGINT",
            "ALTER TABLE information_request ADD COLUMN deleted_at BIGINT",
            "ALTER TABLE information_request ADD COLUMN review_flagged_at BIGINT",
            "CREATE INDEX information_request_by_retention ON information_request (retention_phase, formal_closure_at)",
            """
            CREATE TABLE deletion_receipt (
                request_id TEXT PRIMARY KEY REFERENCES information_request (id),
                deleted_at BIGINT NOT NULL,
                receipt TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE blocked_data_opening (
                id TEXT PRIMARY KEY,
                request_id TEXT NOT NULL REFERENCES information_request (id),
                user_id TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                purpose TEXT NOT NULL,
                rights_request_reference TEXT,
                justification TEXT NOT NULL,
                opened_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX blocked_data_opening_by_request ON blocked_data_opening (request_id, opened_at)",
        ])
}
