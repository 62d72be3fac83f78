/// The schema of a witness's own database (`openimi witness`), separate from the platform's.
public enum WitnessMigrations {
    /// The witness's migrations, in order. Append new ones; never edit a shipped one.
    public static let all: [Migration] = [
        Migration(
            version: 1, name: "witness state",
            statements: [
                """
                CREATE TABLE witness_log (
                    origin TEXT PRIMARY KEY,
                    tree_size BIGINT NOT NULL,
                    root_hash TEXT NOT NULL,
                    note TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE witness_refusal (
                    id TEXT PRIMARY KEY,
                    at BIGINT NOT NULL,
                    origin TEXT NOT NULL,
                    old_size BIGINT NOT NULL,
                    tree_size BIGINT NOT NULL,
                    reason TEXT NOT NULL,
                    note TEXT NOT NULL,
                    cosigned_note TEXT NOT NULL
                )
                """,
            ])
    ]
}
