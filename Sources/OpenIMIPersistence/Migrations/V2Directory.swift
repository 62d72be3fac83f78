extension Migration {
    /// Coordinators, authorities and the directory's search index.
    ///
    /// Search tokens are compared byte-wise (SQLite's BINARY, PostgreSQL's "C" collation) so that a
    /// prefix search is a range scan on the primary key index.
    static let v2Directory = Migration(
        version: 2, name: "authority directory",
        statements: [
            """
            CREATE TABLE coordinator (
                id TEXT PRIMARY KEY,
                member_state TEXT NOT NULL REFERENCES member_state(code),
                kind TEXT NOT NULL CHECK (kind IN ('national', 'area', 'regional')),
                legal_areas TEXT NOT NULL,
                region TEXT,
                names TEXT NOT NULL,
                name_en TEXT NOT NULL,
                street TEXT NOT NULL,
                postcode TEXT NOT NULL,
                city TEXT NOT NULL,
                email TEXT NOT NULL,
                phone TEXT,
                website TEXT,
                appointed_by TEXT REFERENCES coordinator(id),
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX coordinator_one_national ON coordinator(member_state) WHERE kind = 'national'",
            "CREATE INDEX coordinator_by_state ON coordinator(member_state, kind)",
            """
            CREATE TABLE authority (
                id TEXT PRIMARY KEY,
                member_state TEXT NOT NULL REFERENCES member_state(code),
                status TEXT NOT NULL CHECK (status IN ('pending', 'validated', 'suspended')),
                name_en TEXT NOT NULL,
                sort_key TEXT NOT NULL,
                names TEXT NOT NULL,
                street TEXT NOT NULL,
                postcode TEXT NOT NULL,
                city TEXT NOT NULL,
                region TEXT,
                email TEXT NOT NULL,
                phone TEXT,
                website TEXT,
                languages TEXT NOT NULL,
                keywords TEXT NOT NULL,
                registered_by TEXT NOT NULL REFERENCES coordinator(id),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX authority_by_status ON authority(status, sort_key, id)",
            "CREATE INDEX authority_by_state ON authority(member_state, status, sort_key, id)",
            """
            CREATE TABLE authority_legal_area (
                authority_id TEXT NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
                legal_area TEXT NOT NULL REFERENCES legal_area(code),
                PRIMARY KEY (authority_id, legal_area)
            )
            """,
            "CREATE INDEX authority_legal_area_by_area ON authority_legal_area(legal_area, authority_id)",
            .dialects(
                sqlite: """
                    CREATE TABLE authority_search_token (
                        field TEXT NOT NULL,
                        token TEXT NOT NULL COLLATE BINARY,
                        authority_id TEXT NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
                        PRIMARY KEY (field, token, authority_id)
                    )
                    """,
                postgresql: """
                    CREATE TABLE authority_search_token (
                        field TEXT NOT NULL,
                        token TEXT NOT NULL COLLATE "C",
                        authority_id TEXT NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
                        PRIMARY KEY (field, token, authority_id)
                    )
                    """),
            "CREATE INDEX authority_search_token_by_authority ON authority_search_token(authority_id)",
            // A fine histogram lets PostgreSQL see that a word prefix matches few rows, so it reads
            // the matches by index instead of hashing the whole authority table.
            .dialects(sqlite: nil, postgresql: "ALTER TABLE authority_search_token ALTER COLUMN token SET STATISTICS 1000"),
        ])
}
