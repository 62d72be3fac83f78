extension Migration {
    /// Where each request's personal data stand in their retention life, the signed receipts of
    /// their deletion, and when a request never closed was flagged to its authorities.
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
        ])
}
