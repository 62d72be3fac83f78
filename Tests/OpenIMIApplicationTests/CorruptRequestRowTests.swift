import Foundation
import OpenIMIDomain
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIPersistence

/// A stored request whose codes or references are not what they must be is refused as a corrupt
/// row: never read with a default, a dropped party or an invented id.
@Suite struct CorruptRequestRowTests {
    @Test func aMalformedCodeOrReferenceIsACorruptRow() async throws {
        try await TestDatabase.withDatabase { database in
            let keys = TestKeys.ring()
            // Codes and the two parties are foreign keys: the database itself refuses a malformed one.
            let corruptions: [(column: String, value: String)] = [
                ("earlier_responders", #"["not-an-id"]"#), ("referred_to", "x"), ("allocated_to", "nobody"),
            ]
            let requests = try await SealedPersonalDataTests.requests(corruptions.count + 1, in: database)
            try await database.transaction { try await RequestRepository(sql: $0, keys: keys).insert(batch: requests, now: Date()) }
            for (request, corruption) in zip(requests, corruptions) {
                try await database.transaction { sql in
                    try await sql.update("information_request").set(SQLIdentifier(corruption.column), to: SQLBind(corruption.value))
                        .where("id", .equal, request.id.description).run()
                }
                await #expect(throws: PersistenceError.self, "\(corruption.column)") {
                    try await RequestRepository(sql: database.sql, keys: keys).find(request.id.uuid)
                }
            }
            let intact = try #require(requests.last)
            for column in ["legal_area", "procedure", "requester_id"] {
                await #expect(throws: (any Error).self, "\(column)") {
                    try await database.transaction { sql in
                        try await sql.update("information_request").set(SQLIdentifier(column), to: SQLBind("Not A Code"))
                            .where("id", .equal, intact.id.description).run()
                    }
                }
            }
            #expect(try await RequestRepository(sql: database.sql, keys: keys).find(intact.id.uuid)?.legalArea == intact.legalArea)
        }
    }
}
