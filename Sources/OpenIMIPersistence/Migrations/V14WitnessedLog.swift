extension Migration {
    /// Checkpoints become signed notes (c2sp.org/tlog-checkpoint, column `note`; earlier ones keep
    /// their ECDSA `signature`); witnesses' cosignatures and the log's alarms are kept beside them.
    static let v14WitnessedLog = Migration(
        version: 14, name: "witnessed log",
        statements: [
            "ALTER TABLE log_checkpoint ADD COLUMN note TEXT",
            """
            CREATE TABLE log_cosignature (
                tree_size BIGINT NOT NULL,
                witness TEXT NOT NULL,
                line TEXT NOT NULL,
                received_at BIGINT NOT NULL,
                PRIMARY KEY (tree_size, witness)
            )
            """,
            """
            CREATE TABLE log_alarm (
                id TEXT PRIMARY KEY,
                at BIGINT NOT NULL,
                source TEXT NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
            "CREATE INDEX log_alarm_at ON log_alarm (at)",
        ])
}
