extension Migration {
    /// Requests get their number (`DK-2026-000123`: requesting state, year of creation, sequence) and
    /// the time they were sent, for search. Existing requests are numbered in the order they were
    /// created; the sequences continue from there. Users may choose the time zone pages show times in.
    static let v15RequestNumbers = Migration(
        version: 15, name: "request numbers",
        statements: [
            "ALTER TABLE information_request ADD COLUMN number TEXT",
            "ALTER TABLE information_request ADD COLUMN sent_at BIGINT",
            "ALTER TABLE user_account ADD COLUMN time_zone TEXT",
            "ALTER TABLE request_step ADD COLUMN allocated_to TEXT",
            """
            CREATE TABLE request_number_sequence (
                member_state TEXT NOT NULL,
                year INTEGER NOT NULL,
                last_sequence BIGINT NOT NULL,
                PRIMARY KEY (member_state, year)
            )
            """,
            .dialects(
                sqlite: """
                    UPDATE information_request SET number = numbered.number FROM (
                        SELECT r.id, printf('%s-%s-%06d', a.member_state, strftime('%Y', r.created_at, 'unixepoch'),
                            ROW_NUMBER() OVER (PARTITION BY a.member_state, strftime('%Y', r.created_at, 'unixepoch') ORDER BY r.created_at, r.id)) AS number
                        FROM information_request r JOIN authority a ON a.id = r.requester_id
                    ) AS numbered WHERE numbered.id = information_request.id
                    """,
                postgresql: """
                    UPDATE information_request SET number = numbered.number FROM (
                        SELECT id, member_state || '-' || year || '-' || lpad(sequence::text, greatest(6, length(sequence::text)), '0') AS number
                        FROM (
                            SELECT r.id, a.member_state, to_char(to_timestamp(r.created_at) AT TIME ZONE 'UTC', 'YYYY') AS year,
                                ROW_NUMBER() OVER (PARTITION BY a.member_state, to_char(to_timestamp(r.created_at) AT TIME ZONE 'UTC', 'YYYY')
                                    ORDER BY r.created_at, r.id) AS sequence
                            FROM information_request r JOIN authority a ON a.id = r.requester_id
                        ) AS counted
                    ) AS numbered WHERE numbered.id = information_request.id
                    """),
            """
            INSERT INTO request_number_sequence (member_state, year, last_sequence)
            SELECT substr(number, 1, 2), CAST(substr(number, 4, 4) AS INTEGER), MAX(CAST(substr(number, 9) AS BIGINT))
            FROM information_request WHERE number IS NOT NULL
            GROUP BY substr(number, 1, 2), CAST(substr(number, 4, 4) AS INTEGER)
            """,
            "CREATE UNIQUE INDEX information_request_by_number ON information_request(number)",
            """
            UPDATE information_request SET sent_at = (
                SELECT MIN(s.at) FROM request_step s WHERE s.request_id = information_request.id AND s.from_state = 'draft')
            """,
        ])
}
