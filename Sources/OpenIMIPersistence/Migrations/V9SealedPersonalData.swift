extension Migration {
    /// One data key per request, wrapped by the master key: the request's personal data, step
    /// comments and attachments are sealed with it, and destroying it deletes them all.
    static let v9SealedPersonalData = Migration(
        version: 9, name: "sealed personal data",
        statements: [
            """
            CREATE TABLE request_data_key (
                request_id TEXT PRIMARY KEY REFERENCES information_request (id),
                master_key_id TEXT NOT NULL,
                wrapped_key TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX request_data_key_by_master_key ON request_data_key (master_key_id)",
        ])
}
