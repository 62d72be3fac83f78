extension Migration {
    /// Stored idempotent results keep no response body (a replay re-reads the resource through the
    /// authorised, logged path), name the request they concern so that its deletion removes them,
    /// and expire; the bodies stored before are removed.
    static let v13SecurityReview = Migration(
        version: 13, name: "security review",
        statements: [
            "DELETE FROM idempotency_record",
            "ALTER TABLE idempotency_record ADD COLUMN location TEXT",
            "ALTER TABLE idempotency_record ADD COLUMN content_location TEXT",
            "ALTER TABLE idempotency_record ADD COLUMN request_id TEXT",
            "CREATE INDEX idempotency_record_request ON idempotency_record (request_id)",
            "CREATE INDEX idempotency_record_created ON idempotency_record (created_at)",
        ])
}
