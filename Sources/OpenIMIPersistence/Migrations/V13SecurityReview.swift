extension Migration {
    /// Stored idempotent results keep no response body (a replay re-reads the resource through the
    /// authorised, logged path), name the request they concern so that its deletion removes them,
    /// and expire; the bodies stored before are removed. A correction keeps the old value only as a
    /// digest keyed with the request's data key: the plain SHA-256 digests kept before (which a date of
    /// birth can be guessed from) are removed.
    static let v13SecurityReview = Migration(
        version: 13, name: "security review",
        statements: [
            "DELETE FROM idempotency_record",
            "ALTER TABLE idempotency_record ADD COLUMN location TEXT",
            "ALTER TABLE idempotency_record ADD COLUMN content_location TEXT",
            "ALTER TABLE idempotency_record ADD COLUMN request_id TEXT",
            "CREATE INDEX idempotency_record_request ON idempotency_record (request_id)",
            "CREATE INDEX idempotency_record_created ON idempotency_record (created_at)",
            "ALTER TABLE data_correction RENAME COLUMN old_value_sha256 TO old_value_digest",
            "UPDATE data_correction SET old_value_digest = ''",
        ])
}
