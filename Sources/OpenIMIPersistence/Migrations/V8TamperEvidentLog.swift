extension Migration {
    /// The access log made tamper-evident: each entry's place in a hash chain and Merkle tree, and
    /// the signed checkpoints of that tree. All three tables are append-only.
    static let v8TamperEvidentLog = Migration(
        version: 8, name: "tamper-evident log",
        statements: [
            // SHA-256 of the content read or written; entries from before have none.
            "ALTER TABLE access_log ADD COLUMN content_digest TEXT",
            """
            CREATE TABLE log_chain (
                seq BIGINT PRIMARY KEY,
                entry_id TEXT NOT NULL UNIQUE REFERENCES access_log(id),
                entry_hash TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE log_checkpoint (
                tree_size BIGINT PRIMARY KEY,
                root_hash TEXT NOT NULL,
                frontier TEXT NOT NULL,
                at BIGINT NOT NULL,
                key_id TEXT NOT NULL,
                signature TEXT NOT NULL
            )
            """,
            // Roots of the tree's perfect subtrees of 256 leaves and more, for short inclusion proofs.
            """
            CREATE TABLE log_subtree (
                height INTEGER NOT NULL,
                position BIGINT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (height, position)
            )
            """,
            .dialects(
                sqlite:
                    "CREATE TRIGGER log_chain_no_update BEFORE UPDATE ON log_chain BEGIN SELECT RAISE(ABORT, 'log_chain is append-only'); END",
                postgresql: """
                    CREATE FUNCTION log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
                    """),
            .dialects(
                sqlite:
                    "CREATE TRIGGER log_chain_no_delete BEFORE DELETE ON log_chain BEGIN SELECT RAISE(ABORT, 'log_chain is append-only'); END",
                postgresql:
                    "CREATE TRIGGER log_chain_append_only BEFORE UPDATE OR DELETE ON log_chain FOR EACH ROW EXECUTE FUNCTION log_append_only()"
            ),
            .dialects(
                sqlite:
                    "CREATE TRIGGER log_checkpoint_no_update BEFORE UPDATE ON log_checkpoint BEGIN SELECT RAISE(ABORT, 'log_checkpoint is append-only'); END",
                postgresql:
                    "CREATE TRIGGER log_checkpoint_append_only BEFORE UPDATE OR DELETE ON log_checkpoint FOR EACH ROW EXECUTE FUNCTION log_append_only()"
            ),
            .dialects(
                sqlite:
                    "CREATE TRIGGER log_checkpoint_no_delete BEFORE DELETE ON log_checkpoint BEGIN SELECT RAISE(ABORT, 'log_checkpoint is append-only'); END",
                postgresql: nil),
            .dialects(
                sqlite:
                    "CREATE TRIGGER log_subtree_no_update BEFORE UPDATE ON log_subtree BEGIN SELECT RAISE(ABORT, 'log_subtree is append-only'); END",
                postgresql:
                    "CREATE TRIGGER log_subtree_append_only BEFORE UPDATE OR DELETE ON log_subtree FOR EACH ROW EXECUTE FUNCTION log_append_only()"
            ),
            .dialects(
                sqlite:
                    "CREATE TRIGGER log_subtree_no_delete BEFORE DELETE ON log_subtree BEGIN SELECT RAISE(ABORT, 'log_subtree is append-only'); END",
                postgresql: nil),
        ])
}
