import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Synchronization
import Testing

/// The inbox tally kept by triggers always equals counting the requests themselves, however
/// changes and folds interleave.
@Suite struct InboxTallyTests {
    /// The tally as one number per key, and the same counted from the requests.
    private static func tallied(_ sql: any SQLDatabase) async throws -> [String: Int] {
        try await numbers(
            sql,
            """
            SELECT party, organisation_id, legal_area, state, SUM(n) AS n FROM inbox_tally
            GROUP BY party, organisation_id, legal_area, state
            """)
    }

    private static func counted(_ sql: any SQLDatabase) async throws -> [String: Int] {
        try await numbers(
            sql,
            """
            SELECT party, organisation_id, legal_area, state, COUNT(*) AS n FROM (
                SELECT 'requester_id' AS party, requester_id AS organisation_id, legal_area, state, retention_phase FROM information_request
                UNION ALL SELECT 'responder_id', responder_id, legal_area, state, retention_phase FROM information_request
                UNION ALL SELECT 'referred_to', referred_to, legal_area, state, retention_phase FROM information_request
                WHERE referred_to IS NOT NULL
            ) AS named WHERE state <> 'draft' OR retention_phase = 'active' GROUP BY party, organisation_id, legal_area, state
            """)
    }

    private static func numbers(_ sql: any SQLDatabase, _ statement: String) async throws -> [String: Int] {
        var numbers: [String: Int] = [:]
        for row in try await sql.raw(SQLQueryString(statement)).all() {
            let key = try ["party", "organisation_id", "legal_area", "state"].map { try row.decode(column: $0, as: String.self) }
            let n = try row.decode(column: "n", as: Int.self)
            if n != 0 { numbers[key.joined(separator: " ")] = n }
        }
        return numbers
    }

    @Test func changesAndFoldsInAnyOrderKeepTheTallyExact() async throws {
        try await TestDatabase.withDatabase { database in
            let (coordinators, authorities, requests) = try await Samples.synthetic(requests: 2_000, in: database)
            let dk = coordinators[0]
            let area: LegalAreaCode = "professional-qualifications"
            #expect(try await Self.tallied(database.sql) == Self.counted(database.sql))

            // Changes of every counted column, each in its own transaction, while two folders run.
            let ids = requests.map { $0.id.description }
            let others = authorities.map { $0.id.description }
            let states = RequestState.allCases.map(\.rawValue)
            let changes = Task {
                for index in 0..<300 {
                    let id = ids[(index * 7) % ids.count]
                    try await database.transaction { sql in
                        switch index % 5 {
                        case 0:
                            try await sql.raw(
                                "UPDATE information_request SET state = \(bind: states[index % states.count]) WHERE id = \(bind: id)"
                            ).run()
                        case 1:
                            // Never the requester itself: a request is between two authorities.
                            let other = others[index % others.count]
                            try await sql.raw(
                                "UPDATE information_request SET responder_id = \(bind: other) WHERE id = \(bind: id) AND requester_id <> \(bind: other)"
                            ).run()
                        case 2:
                            try await sql.raw(
                                "UPDATE information_request SET referred_to = \(bind: dk.id.description) WHERE id = \(bind: id)"
                            ).run()
                        case 3: try await sql.raw("UPDATE information_request SET retention_phase = 'deleted' WHERE id = \(bind: id)").run()
                        default: try await sql.raw("UPDATE information_request SET version = version + 1 WHERE id = \(bind: id)").run()
                        }
                    }
                }
            }
            // Stopped by a flag, not by cancelling: a cancelled task's statement would be cancelled too.
            let stop = StopFlag()
            let folds = (0..<2).map { _ in
                Task {
                    var folded = 0
                    while !stop.isSet {
                        folded += try await database.transaction { try await InboxTally(sql: $0).fold() }
                        try await Task.sleep(for: .milliseconds(5))
                    }
                    return folded
                }
            }
            try await changes.value
            stop.set()
            for fold in folds { _ = try await fold.value }
            #expect(try await Self.tallied(database.sql) == Self.counted(database.sql))

            // A request removed altogether leaves the tally too.
            let removed = ids[1]
            try await database.transaction { sql in
                for table in [
                    "request_step", "request_data_key", "subject_index", "request_attachment", "request_notification", "consent_record",
                    "data_correction", "deletion_receipt", "blocked_data_opening", "blocked_data_contest", "machine_translation",
                ] {
                    try await sql.raw("DELETE FROM \(ident: table) WHERE request_id = \(bind: removed)").run()
                }
                try await sql.raw("DELETE FROM information_request WHERE id = \(bind: removed)").run()
            }
            #expect(try await Self.tallied(database.sql) == Self.counted(database.sql))

            // After a last fold every key is one row, and the inbox's counts read it. (The fold's
            // lock is the database's: a test in another schema may hold it for a moment.)
            while try await database.sql.raw("SELECT COUNT(*) AS n FROM inbox_tally WHERE folded = 0").first()?
                .decode(column: "n", as: Int.self) ?? 0 > 0
            {
                _ = try await database.transaction { try await InboxTally(sql: $0).fold() }
            }
            let rows = try await database.sql.raw("SELECT COUNT(*) AS n FROM inbox_tally").first()?.decode(column: "n", as: Int.self)
            #expect(rows == (try await Self.counted(database.sql)).count)
            #expect(try await database.transaction { try await InboxTally(sql: $0).fold() } == 0)
            #expect(try await Self.tallied(database.sql) == Self.counted(database.sql))
            // Changed behind the triggers' back, the tally is counted afresh.
            try await database.transaction { sql in
                try await sql.raw("DELETE FROM inbox_tally WHERE party = 'responder_id'").run()
                try await sql.raw(
                    "INSERT INTO inbox_tally (party, organisation_id, legal_area, state, n) VALUES ('requester_id', 'x', 'y', 'sent', 7)"
                ).run()
            }
            #expect(try await Self.tallied(database.sql) != Self.counted(database.sql))
            try await database.transaction { try await InboxTally(sql: $0).recount() }
            #expect(try await Self.tallied(database.sql) == Self.counted(database.sql))
            let danish = Organisation(authority: authorities[0])
            let counts = try await RequestRepository(sql: database.sql, keys: TestKeys.ring()).inboxCounts(
                of: danish, areas: [area.rawValue], states: Set(RequestState.allCases))
            let key = authorities[0].id.description
            let direct = try await database.sql.raw(
                """
                SELECT COUNT(*) AS n FROM information_request WHERE ((requester_id = \(bind: key)) OR (responder_id = \(bind: key) AND state <> 'draft'))
                AND (state <> 'draft' OR retention_phase = 'active')
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(counts.values.reduce(0, +) == direct)
        }
    }
}

/// A flag one task sets and others read.
private final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
