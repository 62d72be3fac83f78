extension Migration {
    /// The blind index that finds a person's or business's requests, and the platform's own keys
    /// (the index key), wrapped by the master key like the requests' data keys.
    static let v11SubjectIndex = Migration(
        version: 11, name: "subject index",
        statements: [
            """
            CREATE TABLE platform_key (
                name TEXT PRIMARY KEY,
                master_key_id TEXT NOT NULL,
                wrapped_key TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE subject_index (
                token TEXT NOT NULL,
                request_id TEXT NOT NULL REFERENCES information_request (id),
                PRIMARY KEY (token, request_id)
            )
            """,
            "CREATE INDEX subject_index_by_request ON subject_index (request_id)",
        ])
}
