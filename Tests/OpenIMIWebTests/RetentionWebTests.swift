import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
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
            #expect(page.text.contains("href=\"/requests/\(old.id)/blocked-access\""), "the page leads to the opening form")
            let inbox = try await client.api(.get, "/api/v1/requests?state=closed", dk)
            #expect(inbox.text.contains(old.id), "the request itself stays listed")

            let stranger = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/requests/\(old.id)", stranger).status == .notFound)

            // Opening them: the local data administrator of an involved authority, with purpose and justification.
            let uri = "/api/v1/requests/\(old.id)/blocked-access"
            let proof = #"{"purpose":"proof-of-exchange","justification":"Court case 17/2026 asks whether the exchange happened"}"#
            let admin = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            #expect(try await client.api(.post, uri, dk, proof).status == .forbidden, "a request handler is not the data administrator")
            let foreignAdmin = try await TestApp.apiToken(client, users["de.admin"]!, clock: clock)
            #expect(try await client.api(.post, uri, foreignAdmin, proof).status == .notFound)
            let others = try PersonalDataAtRestTests.demoRequests(platform).filter { $0.id != old.id }
            let active = try #require(others.first { $0.requesterId == old.requesterId && $0.responderId == old.responderId })
            let notBlocked = try await client.api(.post, "/api/v1/requests/\(active.id)/blocked-access", admin, proof)
            #expect(notBlocked.status == .conflict && notBlocked.text.contains("personal-data-not-blocked"))
            let unjustified = try await client.api(.post, uri, admin, #"{"purpose":"proof-of-exchange","justification":"  "}"#)
            #expect(unjustified.status == .unprocessableContent)
            let unreferenced = try await client.api(
                .post, uri, admin, #"{"purpose":"data-subject-rights","justification":"Access request by the person"}"#)
            #expect(unreferenced.status == .unprocessableContent && unreferenced.text.contains("rightsRequestReference"))
            let before = try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM access_log").first()?.decode(
                column: "n", as: Int.self)
            let opened = try await client.api(.post, uri, admin, proof)
            #expect(opened.status == .ok && opened.text.contains("Møller"))
            let purposes = try await platform.database.sql.raw(
                "SELECT purpose FROM access_log WHERE request_id = \(bind: old.id) AND purpose LIKE 'blocked:%'"
            ).all().map { try $0.decode(column: "purpose", as: String.self) }
            #expect(purposes == ["blocked:proof-of-exchange"])
            let after = try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM access_log").first()?.decode(
                column: "n", as: Int.self)
            #expect(after == before.map { $0 + 1 }, "refused openings log nothing as read")
            let stored = try await platform.database.sql.raw("SELECT justification FROM blocked_data_opening").all()
                .map { try $0.decode(column: "justification", as: String.self) }
            #expect(stored.count == 1 && !stored[0].contains("Court case"), "the justification is stored sealed")

            // The same through the pages, in Danish.
            let adminBrowser = try await RequestPagesTests.Browser.signIn(client, users["dk.admin"]!, clock: clock)
            let form = try await adminBrowser.get("/requests/\(old.id)/blocked-access?lang=da")
            #expect(form.text.contains("Åbn blokerede personoplysninger"))
            let openedPage = try await adminBrowser.post(
                "/requests/\(old.id)/blocked-access?lang=da",
                [("purpose", "data-subject-rights"), ("reference", "DSR-2026-4"), ("justification", "Indsigtsanmodning fra borgeren")])
            #expect(openedPage.status == .ok && openedPage.text.contains("Møller"), "\(openedPage.status)")
        }
    }
}
