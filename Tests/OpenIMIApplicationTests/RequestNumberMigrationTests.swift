import Foundation
import OpenIMIApplication
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIDomain
@testable import OpenIMIPersistence

/// Migration 15 numbers the requests a database already holds, in the order they were created,
/// per requesting state and year, and sets each sequence after them; on both engines.
@Suite struct RequestNumberMigrationTests {
    @Test func existingRequestsAreNumberedInCreationOrderAndTheSequencesGoOnFromThere() async throws {
        try await TestDatabase.withDatabase { database in
            let keys = TestKeys.ring()
            let requests = try await SealedPersonalDataTests.requests(40, in: database)
            try await database.transaction { try await RequestRepository(sql: $0, keys: keys).insert(batch: requests, now: Date()) }
            // As a database before migration 15: no numbers, no sending times, no sequences.
            try await database.transaction { sql in
                try await sql.raw("UPDATE information_request SET number = NULL, sent_at = NULL").run()
                try await sql.raw("DELETE FROM request_number_sequence").run()
            }
            let backfill = Migration.v15RequestNumbers.statements.filter { statement in
                let text = statement.sql(for: database.kind) ?? ""
                return text.hasPrefix("UPDATE") || text.hasPrefix("INSERT")
            }
            #expect(backfill.count == 3)
            _ = try await Migrator(database: database, migrations: [Migration(version: 1015, name: "backfill", statements: backfill)])
                .migrate()
            let rows = try await database.sql.raw("SELECT id, number, created_at, sent_at FROM information_request").all()
            var numbers: [String: [(created: Int64, id: String, number: RequestNumber)]] = [:]
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                let number = try #require(RequestNumber(try row.decode(column: "number", as: String.self)))
                let created = try row.decode(column: "created_at", as: Int64.self)
                let request = try #require(requests.first { $0.id.description == id })
                #expect(number.memberState == request.number.memberState && number.year == RequestNumber.year(of: request.steps[0].at))
                let sent = try row.decode(column: "sent_at", as: Int64?.self)
                #expect(sent == request.steps.first { $0.from == .draft }?.at.epochSeconds, "sent when it left the draft")
                numbers["\(number.memberState)-\(number.year)", default: []].append((created, id, number))
            }
            #expect(rows.count == 40)
            for (key, entries) in numbers {
                let ordered = entries.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
                #expect(ordered.map(\.number.sequence) == Array(1...ordered.count), "\(key) in creation order")
                let parts = key.split(separator: "-")
                let next = try await database.transaction { sql in
                    try await RequestNumberRepository(sql: sql).next(
                        for: MemberStateCode(rawValue: String(parts[0]))!, at: ordered[0].number.yearStart)
                }
                #expect(next.sequence == ordered.count + 1, "\(key): the sequence goes on after the last")
            }
        }
    }
}

extension RequestNumber {
    /// Noon on 1 January of the number's year, a moment inside that year.
    fileprivate var yearStart: Date {
        Date(timeIntervalSince1970: Double(DateText.days(fromCivil: year, 1, 1)) * 86_400 + 43_200)
    }
}
