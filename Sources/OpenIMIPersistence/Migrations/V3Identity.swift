extension Migration {
    /// Users, roles, credentials, sessions, sign-in throttling, user-list confirmations and job leases.
    static let v3Identity = Migration(
        version: 3, name: "identity and access",
        statements: [
            """
            CREATE TABLE user_account (
                id TEXT PRIMARY KEY,
                organisation_kind TEXT NOT NULL CHECK (organisation_kind IN ('platform', 'national-coordinator', 'area-coordinator', 'authority')),
                organisation_id TEXT,
                username TEXT NOT NULL UNIQUE,
                full_name TEXT NOT NULL,
                email TEXT NOT NULL,
                language TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'suspended')),
                password_hash TEXT,
                totp_secret_sealed TEXT,
                totp_confirmed BOOLEAN NOT NULL,
                totp_last_step BIGINT,
                failed_attempts INTEGER NOT NULL,
                locked_until BIGINT,
                last_sign_in_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX user_account_by_organisation ON user_account(organisation_kind, organisation_id)",
            "CREATE INDEX user_account_by_last_sign_in ON user_account(status, last_sign_in_at)",
            """
            CREATE TABLE user_role (
                user_id TEXT NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                PRIMARY KEY (user_id, role)
            )
            """,
            """
            CREATE TABLE recovery_code (
                user_id TEXT NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL,
                used_at BIGINT,
                PRIMARY KEY (user_id, code_hash)
            )
            """,
            """
            CREATE TABLE activation (
                token_hash TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            )
            """,
            """
            CREATE TABLE user_session (
                token_hash TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('web', 'api')),
                csrf_token TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX user_session_by_user ON user_session(user_id)",
            """
            CREATE TABLE sign_in_throttle (
                address TEXT PRIMARY KEY,
                window_start BIGINT NOT NULL,
                failures INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE user_list_confirmation (
                id TEXT PRIMARY KEY,
                organisation_kind TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                confirmed_by TEXT NOT NULL REFERENCES user_account(id),
                confirmed_at BIGINT NOT NULL,
                user_count INTEGER NOT NULL,
                list_digest TEXT NOT NULL
            )
            """,
            "CREATE INDEX user_list_confirmation_by_organisation ON user_list_confirmation(organisation_kind, organisation_id, confirmed_at)",
            """
            CREATE TABLE job_lease (
                job TEXT PRIMARY KEY,
                owner TEXT,
                lease_until BIGINT NOT NULL,
                last_finished_at BIGINT
            )
            """,
        ])
}
