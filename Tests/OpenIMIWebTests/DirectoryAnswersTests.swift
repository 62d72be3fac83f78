import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import Testing

@testable import OpenIMIWeb

@Suite struct DirectoryAnswersTests {
    /// A suspended authority leaves the public directory once the kept answers expire, on the API
    /// and the page alike; its own resource, never kept, is gone at once.
    @Test func aChangeShowsWithinTheLifetimeOfKeptAnswers() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, _ in
            let search = "/api/v1/authorities?name=laegeforening"
            let before = try await client.execute(uri: search, method: .get).json()
            #expect(before["total"] as? Int == 1)
            let items = try #require(before["items"] as? [[String: Any]])
            let text = try #require(items.first?["id"] as? String)
            let id = try #require(UUID(uuidString: text))
            let page = try await client.execute(uri: "/directory?name=laegeforening&lang=da", method: .get)
            #expect(page.text.contains("Lægeforeningens Autorisationskontor"))

            let denmark = try #require(MemberStateCode(rawValue: "DK"))
            let coordinator = try #require(try await CoordinatorRepository(sql: platform.database.sql).national(of: denmark))
            try await AuthorityRegistry(database: platform.database).apply(
                .suspend, to: id, by: coordinator.id.uuid, now: clock.now())
            #expect(try await client.execute(uri: "/api/v1/authorities/\(id)", method: .get).status == .notFound)
            // Within the lifetime the kept answer is still given.
            clock.advance(by: DirectoryAnswers.lifetime - 1)
            #expect(try await client.execute(uri: search, method: .get).json()["total"] as? Int == 1)

            clock.advance(by: 1)
            #expect(try await client.execute(uri: search, method: .get).json()["total"] as? Int == 0)
            let after = try await client.execute(uri: "/directory?name=laegeforening&lang=da", method: .get)
            #expect(after.status == .ok && !after.text.contains("Lægeforeningens Autorisationskontor"))
        }
    }

    /// A stream of distinct searches never grows the store past its bound, and a clock set back
    /// does not keep an answer for ever.
    @Test func theStoreIsBoundedAndAClockSetBackExpiresAnswers() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { _, platform, _ in
            let answers = DirectoryAnswers(database: platform.database, clock: clock)
            for page in 1...(DirectoryAnswers.maximumAnswers + 10) {
                _ = try await answers.page(for: try DirectoryQuery(page: page, perPage: 1))
                #expect(answers.count <= DirectoryAnswers.maximumAnswers)
            }
            // Searches beyond the public directory are never kept.
            let before = answers.count
            _ = try await answers.page(for: try DirectoryQuery(status: .pending))
            #expect(answers.count == before)
            let query = try DirectoryQuery(name: "laegeforening")
            let kept = try await answers.document(for: query) { _ in ByteBuffer(string: "first") }
            #expect(String(buffer: kept) == "first")
            #expect(String(buffer: try await answers.document(for: query) { _ in ByteBuffer(string: "again") }) == "first")
            clock.advance(by: -60)
            #expect(String(buffer: try await answers.document(for: query) { _ in ByteBuffer(string: "again") }) == "again")
        }
    }
}
