import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

/// With many requests, most of them finished, an inbox page reads the open requests' partial
/// indexes in deadline order and returns exactly what a full scan would.
@Suite struct InboxScaleTests {
    @Test func theOpenInboxReadsThePartialIndexesAndMatchesAFullScan() async throws {
        try await TestDatabase.withDatabase { database in
            let keys = TestKeys.ring()
            let (_, authorities, _) = try await Samples.synthetic(requests: 20_000, keys: keys, in: database)
            let area: LegalAreaCode = "professional-qualifications"
            let repository = RequestRepository(sql: database.sql, keys: keys)
            try await database.transaction { sql in try await AuthorityRepository(sql: sql).analyze() }

            let danish = Organisation(authority: authorities[0])
            let page = try await repository.inbox(of: danish, areas: [area.rawValue], query: InboxQuery())
            let key = authorities[0].id.description
            let expected = try await database.sql.raw(
                """
                SELECT id FROM information_request
                WHERE ((requester_id = \(bind: key)) OR (responder_id = \(bind: key) AND state <> 'draft'))
                AND state NOT IN ('closed', 'withdrawn') ORDER BY deadline, id LIMIT 50
                """
            ).all().map { try $0.decode(column: "id", as: String.self) }
            #expect(page.count == 50 && page.map(\.id) == expected)

            let secondPage = try await repository.inbox(of: danish, areas: [area.rawValue], query: InboxQuery(offset: 50, limit: 50))
            #expect(Set(secondPage.map(\.id)).isDisjoint(with: expected) && secondPage.count == 50)
            let counts = try await repository.inboxCounts(of: danish, areas: [area.rawValue])
            #expect(counts.keys.allSatisfy { !$0.isFinal } && counts.values.reduce(0, +) > 100)
            // Every state, drafts included: drafts past their retention are not counted, and the
            // responder side never counts the other authority's drafts.
            try await database.transaction { sql in
                try await sql.raw(
                    "UPDATE information_request SET retention_phase = 'blocked' WHERE state = 'draft' AND id IN (SELECT id FROM information_request WHERE state = 'draft' ORDER BY id LIMIT 10)"
                ).run()
            }
            let all = try await repository.inboxCounts(of: danish, areas: [area.rawValue], states: Set(RequestState.allCases))
            let scanned = try await database.sql.raw(
                """
                SELECT state, COUNT(*) AS n FROM information_request
                WHERE ((requester_id = \(bind: key)) OR (responder_id = \(bind: key) AND state <> 'draft'))
                AND (state <> 'draft' OR retention_phase = 'active') GROUP BY state
                """
            ).all()
            let expectedCounts = Dictionary(
                uniqueKeysWithValues: try scanned.map {
                    (
                        try #require(RequestState(rawValue: try $0.decode(column: "state", as: String.self))),
                        try $0.decode(column: "n", as: Int.self)
                    )
                })
            #expect(all == expectedCounts && all[.draft, default: 0] > 0 && all[.closed, default: 0] > 0)

            let plan = try await repository.inboxPlan(of: danish, areas: [area.rawValue], query: InboxQuery(), kind: database.kind)
                .joined(separator: "\n")
            #expect(plan.contains("information_request_requester_open"), "\(plan)")
            #expect(plan.contains("information_request_responder_open"), "\(plan)")
            #expect(!plan.contains("SCAN information_request") && !plan.contains("Seq Scan"), "\(plan)")
            print("Inbox plan (\(database.kind.rawValue), 20,000 requests):\n\(plan)")
        }
    }
}
