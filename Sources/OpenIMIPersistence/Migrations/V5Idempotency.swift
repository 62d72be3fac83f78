extension Migration {
    /// The first result of each API POST sent with an `Idempotency-Key`, per user.
    static let v5Idempotency = Migration(
        version: 5, name: "idempotency keys",
        statements: [
            """
            CREATE TABLE idempotency_record (
                user_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                status INTEGER,
                content_type TEXT,
                body TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (user_id, idempotency_key)
            )
            """
        ])
}
