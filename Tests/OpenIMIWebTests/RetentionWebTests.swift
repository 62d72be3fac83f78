import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// Blocked personal data through the normal interface: the involved authority learns they are
/// blocked (410, in its language), a stranger still learns nothing, and the inbox keeps the request.
@Suite struct RetentionWebTests {
    @Test func blockedRequestsAreGoneForTheInvolvedAndUnknownToOthers() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let old = try #require(
                try PersonalDataAtRestTests.demoRequests(platform).first {
                    $0.formalClosureDate.map { $0 < clock.now().addingTimeInterval(-365 * 86_400) } ?? false
                })
            let outcome = try await platform.retention.run(asOf: clock.now())
            #expect(outcome.blocked == 1 && outcome.deleted == 0)

            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let gone = try await client.api(.get, "/api/v1/requests/\(old.id)", dk)
            #expect(gone.status == .gone)
            #expect(try gone.json()["type"] as? String == "urn:openimi:problem:personal-data-blocked")
            #expect(!gone.text.contains("Møller"))
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let page = try await browser.get("/requests/\(old.id)?lang=da")
            #expect(page.status == .gone && page.text.contains("Personoplysningerne er blokeret"))
            let inbox = try await client.api(.get, "/api/v1/requests?state=closed", dk)
            #expect(inbox.text.contains(old.id), "the request itself stays listed")

            let stranger = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/requests/\(old.id)", stranger).status == .notFound)
        }
    }
}
