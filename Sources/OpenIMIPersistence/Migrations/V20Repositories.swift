extension Migration {
    /// Repositories: the authorities designated to maintain each one, its records (every version of
    /// a record's values sealed under the record's own data key), and the blind index that finds a
    /// record by the exact value of a searchable field.
    static let v20Repositories = Migration(
        version: 20, name: "repositories",
        statements: [
            """
            CREATE TABLE repository_maintainer (
                repository TEXT NOT NULL,
                authority_id TEXT NOT NULL REFERENCES authority (id),
                designated_by TEXT NOT NULL,
                designated_at BIGINT NOT NULL,
                PRIMARY KEY (repository, authority_id)
            )
            """,
            """
            CREATE TABLE repository_record (
                id TEXT PRIMARY KEY,
                repository TEXT NOT NULL,
                keeper_id TEXT NOT NULL REFERENCES authority (id),
                version INTEGER NOT NULL,
                content TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX repository_record_by_keeper ON repository_record(repository, keeper_id, updated_at)",
            """
            CREATE TABLE repository_record_data_key (
                record_id TEXT PRIMARY KEY REFERENCES repository_record (id),
                master_key_id TEXT NOT NULL,
                wrapped_key TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE repository_search (
                token TEXT NOT NULL,
                record_id TEXT NOT NULL REFERENCES repository_record (id),
                PRIMARY KEY (token, record_id)
            )
            """,
        ])
}
