extension Migration {
    /// Step comments keep the language they were written in, and machine translations of a
    /// request's texts are kept per text and target language, sealed with the request's data key
    /// (deleted with its personal data). `reference_hash` is the SHA-256 of the secret reference an
    /// asynchronous provider's callback must present.
    static let v16MachineTranslation = Migration(
        version: 16, name: "machine translation",
        statements: [
            "ALTER TABLE request_step ADD COLUMN comment_language TEXT",
            """
            CREATE TABLE machine_translation (
                request_id TEXT NOT NULL REFERENCES information_request(id),
                text_key TEXT NOT NULL,
                target_language TEXT NOT NULL,
                engine TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'ready', 'failed')),
                original TEXT NOT NULL,
                translation TEXT,
                reference_hash TEXT UNIQUE,
                requested_at BIGINT NOT NULL,
                completed_at BIGINT,
                PRIMARY KEY (request_id, text_key, target_language)
            )
            """,
        ])
}
