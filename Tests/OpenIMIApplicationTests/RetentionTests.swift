import Foundation
import OpenIMIApplication
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIDomain
@testable import OpenIMIPersistence

/// The retention rules driven by an injected date: blocking after the area's period, deletion 36
/// months after formal closure with a signed receipt, flags for requests never closed, and runs
/// that are idempotent, resumable and safe side by side.
@Suite struct RetentionTests {
    /// 2026-11-22 12:00 UTC.
    static let asOf = Date(timeIntervalSince1970: 1_795_348_800)

    static func monthsAgo(_ months: Int, plusDays days: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: -months, to: asOf)!.addingTimeInterval(-Double(days) * 86_400)
    }

    struct Setup {
        let database: any Database
        let keys: DataKeyRing
        let retention: RetentionRun
        let signing: SigningIdentity
        let requests: [InformationRequest]
    }

    /// Stores one request per `(area, formal closure)`; a nil closure leaves it open, last changed `idleSince`.
    static func setUp(
        _ database: any Database, _ plan: [(LegalAreaCode, Date?)], idleSince: Date = asOf
    ) async throws -> Setup {
        let keys = TestKeys.ring()
        let store = SigningKeyStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("openimi-ret-\(UUID())"))
        let signing = try store.loadOrCreate(subject: try SigningIdentity.subject(organisation: "Test"), now: Date())
        let base = try await SealedPersonalDataTests.requests(plan.count, in: database)
        let requests = zip(base, plan).map { request, entry in
            var changed = request
            changed.legalArea = entry.0
            changed.state = entry.1 == nil ? .accepted : .closed
            changed.formalClosureDate = entry.1
            return changed
        }
        try await database.transaction { try await RequestRepository(sql: $0, keys: keys).insert(batch: requests, now: idleSince) }
        return Setup(
            database: database, keys: keys,
            retention: RetentionRun(database: database, keys: keys, signing: store, review: try RetentionReview(afterMonths: 18)),
            signing: signing, requests: requests)
    }

    static func phase(_ request: InformationRequest, in database: any Database) async throws -> RetentionPhase? {
        try await RequestRepository(sql: database.sql, keys: TestKeys.ring()).access(of: request.id.uuid)?.retentionPhase
    }

    static func count(_ sql: String, in database: any Database) async throws -> Int {
        try await database.sql.raw(SQLQueryString(sql)).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test func blockingFollowsEachAreasPeriodAndDeletionComes36MonthsAfterClosure() async throws {
        try await TestDatabase.withDatabase { database in
            let pq: LegalAreaCode = "professional-qualifications", road: LegalAreaCode = "road-transport-posting"
            let setup = try await Self.setUp(
                database,
                [
                    (pq, Self.monthsAgo(6, plusDays: 1)), (pq, Self.monthsAgo(5)), (road, Self.monthsAgo(6, plusDays: 1)),
                    (pq, Self.monthsAgo(36, plusDays: 1)), (road, Self.monthsAgo(18, plusDays: 1)),
                ])
            let outcome = try await setup.retention.run(asOf: Self.asOf)
            #expect(outcome == RetentionRun.Outcome(blocked: 2, deleted: 1, flagged: 0))
            let phases = try await setup.requests.asyncMap { try await Self.phase($0, in: database) }
            #expect(phases == [.blocked, .active, .active, .deleted, .blocked])

            // Deleted: no data key, no ciphertext, no attachments; unrecoverable even with the master key.
            let deleted = setup.requests[3]
            let id = deleted.id.description
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM request_data_key WHERE request_id = '\(id)'", in: database) == 0)
            #expect(
                try await Self.count(
                    "SELECT COUNT(*) AS n FROM information_request WHERE id = '\(id)' AND personal_data = ''", in: database) == 1)
            await #expect(throws: SealingError.noDataKey) {
                try await RequestRepository(sql: database.sql, keys: setup.keys).find(deleted.id.uuid)
            }
            // The signed receipt names what was deleted by its digest.
            let receipt = try #require(
                try await database.sql.select().column("receipt").from("deletion_receipt").where("request_id", .equal, id).first()?
                    .decode(column: "receipt", as: String.self))
            let jws = try #require(CompactJWS(serialized: receipt))
            #expect(jws.isSigned(by: setup.signing.privateKey.publicKey))
            let payload = String(decoding: jws.payload, as: UTF8.self)
            #expect(payload.contains(id) && payload.contains(RequestRecord.personalDataDigest(of: deleted)))
            // Each transition is logged once, by the platform.
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM access_log WHERE purpose = 'retention:block'", in: database) == 3)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM access_log WHERE purpose = 'retention:delete'", in: database) == 1)

            // Running again changes nothing.
            #expect(try await setup.retention.run(asOf: Self.asOf) == RetentionRun.Outcome())
        }
    }

    @Test func requestsNeverClosedAreFlaggedOnceToBothAuthorities() async throws {
        try await TestDatabase.withDatabase { database in
            let setup = try await Self.setUp(
                database, [("professional-qualifications", nil), ("professional-qualifications", nil)],
                idleSince: Self.monthsAgo(18, plusDays: 1))
            #expect(try await setup.retention.run(asOf: Self.monthsAgo(1)).flagged == 0, "not yet idle for 18 months then")
            #expect(try await setup.retention.run(asOf: Self.asOf).flagged == 2)
            #expect(
                try await Self.count("SELECT COUNT(*) AS n FROM request_notification WHERE action = 'retention-review'", in: database) == 4)
            #expect(try await setup.retention.run(asOf: Self.asOf).flagged == 0)
        }
    }

    @Test func anInterruptedRunLeavesNoRequestHalfDoneAndTheNextFinishes() async throws {
        try await TestDatabase.withDatabase { database in
            let old = Self.monthsAgo(40)
            let setup = try await Self.setUp(database, Array(repeating: ("professional-qualifications", old), count: 4))
            // Stopped after one request, as a crash between two transactions would leave it.
            _ = try await setup.retention.run(asOf: Self.asOf, limit: 1)
            let keys = try await Self.count("SELECT COUNT(*) AS n FROM request_data_key", in: database)
            let receipts = try await Self.count("SELECT COUNT(*) AS n FROM deletion_receipt", in: database)
            let emptied = try await Self.count("SELECT COUNT(*) AS n FROM information_request WHERE personal_data = ''", in: database)
            #expect(receipts == 4 - keys && emptied == receipts, "every request is either wholly deleted or untouched")
            // Two runs side by side finish the rest, each request once.
            async let first = setup.retention.run(asOf: Self.asOf)
            async let second = setup.retention.run(asOf: Self.asOf)
            let (a, b) = try await (first, second)
            #expect(a.deleted + b.deleted == keys)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM deletion_receipt", in: database) == 4)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM access_log WHERE purpose = 'retention:delete'", in: database) == 4)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM request_data_key", in: database) == 0)
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
