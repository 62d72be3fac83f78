extension Migration {
    /// Consent records, questions to national coordinators, each authority's register of data
    /// subjects' rights requests with the corrections and contests made from them. Personal data in
    /// them are sealed: consent with the request's data key, the rest with the register key.
    static let v12DataSubjectRights = Migration(
        version: 12, name: "data subjects' rights",
        statements: [
            """
            CREATE TABLE consent_record (
                id TEXT PRIMARY KEY,
                request_id TEXT REFERENCES information_request (id),
                legal_area TEXT NOT NULL,
                purpose TEXT NOT NULL,
                given_by TEXT NOT NULL,
                language TEXT NOT NULL,
                wording_version TEXT NOT NULL,
                given_at BIGINT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_organisation TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                withdrawn_at BIGINT
            )
            """,
            "CREATE INDEX consent_record_by_request ON consent_record (request_id)",
            """
            CREATE TABLE coordinator_question (
                id TEXT PRIMARY KEY,
                member_state TEXT NOT NULL,
                coordinator_id TEXT NOT NULL,
                asked_by TEXT NOT NULL,
                asker_organisation_kind TEXT NOT NULL,
                asker_organisation_id TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                asked_at BIGINT NOT NULL,
                answer TEXT,
                answered_by TEXT,
                answered_at BIGINT
            )
            """,
            "CREATE INDEX coordinator_question_by_coordinator ON coordinator_question (coordinator_id, asked_at)",
            "CREATE INDEX coordinator_question_by_asker ON coordinator_question (asked_by, asked_at)",
            """
            CREATE TABLE rights_request (
                id TEXT PRIMARY KEY,
                authority_id TEXT NOT NULL,
                member_state TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                identification TEXT NOT NULL,
                language TEXT NOT NULL,
                received_on TEXT NOT NULL,
                due_on TEXT NOT NULL,
                status TEXT NOT NULL,
                outcome TEXT,
                handled_at BIGINT,
                recorded_by TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                version INTEGER NOT NULL
            )
            """,
            "CREATE INDEX rights_request_by_authority ON rights_request (authority_id, received_on)",
            "CREATE INDEX rights_request_by_state ON rights_request (member_state, status, due_on)",
            """
            CREATE TABLE data_correction (
                id TEXT PRIMARY KEY,
                rights_request_id TEXT NOT NULL REFERENCES rights_request (id),
                request_id TEXT NOT NULL REFERENCES information_request (id),
                field TEXT NOT NULL,
                old_value_sha256 TEXT NOT NULL,
                corrected_by TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                corrected_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX data_correction_by_request ON data_correction (request_id)",
            """
            CREATE TABLE correction_application (
                correction_id TEXT NOT NULL REFERENCES data_correction (id),
                organisation_id TEXT NOT NULL,
                applied_by TEXT NOT NULL,
                applied_at BIGINT NOT NULL,
                PRIMARY KEY (correction_id, organisation_id)
            )
            """,
            """
            CREATE TABLE blocked_data_contest (
                id TEXT PRIMARY KEY,
                rights_request_id TEXT NOT NULL REFERENCES rights_request (id),
                request_id TEXT NOT NULL REFERENCES information_request (id),
                field TEXT NOT NULL,
                corrected_value TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at BIGINT NOT NULL
            )
            """,
            "ALTER TABLE deletion_receipt ADD COLUMN reason TEXT NOT NULL DEFAULT 'retention'",
        ])
}
