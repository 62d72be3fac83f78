extension Migration {
    /// Member states, legal areas and their procedures.
    static let v1ReferenceData = Migration(
        version: 1, name: "reference data",
        statements: [
            """
            CREATE TABLE member_state (
                code TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                is_eu_member BOOLEAN NOT NULL,
                official_languages TEXT NOT NULL,
                names TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE legal_area (
                code TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                names TEXT NOT NULL,
                legal_acts TEXT NOT NULL,
                block_after_months INTEGER NOT NULL CHECK (block_after_months BETWEEN 1 AND 18),
                delete_after_months INTEGER NOT NULL,
                sanctions_data_allowed BOOLEAN NOT NULL,
                consent_is_legal_basis BOOLEAN NOT NULL
            )
            """,
            """
            CREATE TABLE procedure (
                code TEXT PRIMARY KEY,
                legal_area TEXT NOT NULL REFERENCES legal_area(code),
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                names TEXT NOT NULL,
                legal_basis TEXT NOT NULL
            )
            """,
            "CREATE INDEX procedure_by_area ON procedure(legal_area, position)",
            """
            CREATE TABLE reference_data_version (
                name TEXT PRIMARY KEY,
                version TEXT NOT NULL,
                loaded_at BIGINT NOT NULL
            )
            """,
        ])
}
