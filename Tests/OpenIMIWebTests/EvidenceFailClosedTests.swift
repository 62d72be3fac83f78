import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// Without its signing key the platform records no new history, and it resumes by itself once the
/// key is back.
@Suite struct EvidenceFailClosedTests {
    @Test func stepsAreRefusedWith503WhileTheKeyIsUnreadableAndAllowedOnceItIsBack() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let keys = URL(fileURLWithPath: platform.config.keyDirectory)
            let hidden = keys.deletingLastPathComponent().appendingPathComponent(keys.lastPathComponent + "-away")
            defer { try? FileManager.default.removeItem(at: hidden) }
            let handler = try #require(users["dk.handler"])
            let responder = try #require(users["si.handler"]?.organisationId)
            let token = try await TestApp.apiToken(client, handler, clock: clock)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(7 * 86_400))
            let draft =
                #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"business","name":"Klinik ApS","registrationNumber":"DK12345678"},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
            func create() async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/requests", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(string: draft))
            }
            #expect(try await create().status == .created)
            let before = try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM information_request").first()?.decode(
                column: "n", as: Int.self)

            try FileManager.default.moveItem(at: keys, to: hidden)
            await #expect(throws: (any Error).self) { try await platform.checkpointer.checkpoint(now: clock.now()) }
            let refused = try await create()
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(try refused.json()["type"] as? String == "urn:openimi:problem:evidence-unavailable")
            let after = try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM information_request").first()?.decode(
                column: "n", as: Int.self)
            #expect(after == before, "nothing is written while history cannot be proved")
            let list = try await client.execute(uri: "/api/v1/requests", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(list.status == .ok, "reading goes on")

            try FileManager.default.moveItem(at: hidden, to: keys)
            let checkpoint = try await platform.checkpointer.checkpoint(now: clock.now())
            #expect(checkpoint != nil && checkpoint?.keyID == platform.signing.keyID)
            #expect(try await create().status == .created)
        }
    }

    @Test func stepsAreRefusedWith503WhileTheLogIsInconsistent() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let token = try await TestApp.apiToken(client, try #require(users["dk.handler"]), clock: clock)
            let id = try await TestApp.closedDemoRequest(client, token)
            try await platform.checkpointer.checkpoint(now: clock.now())
            try await TestDatabase.rewriteAndRechain(platform.database, sequence: 3)
            // What a restart does first.
            await #expect(throws: EvidenceError.self) { try await platform.checkpointer.verifyAnchor(now: clock.now()) }
            let responder = try #require(users["si.handler"]?.organisationId)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(7 * 86_400))
            let draft =
                #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"business","name":"Klinik ApS","registrationNumber":"DK12345678"},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
            let refused = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: draft))
            #expect(refused.status == .serviceUnavailable)
            #expect(try refused.json()["type"] as? String == "urn:openimi:problem:log-inconsistent")
            #expect(!refused.text.contains(platform.config.resolvedCheckpointDirectory), "file paths stay on the operators' page")
            await #expect(throws: EvidenceError.self) { try await platform.checkpointer.checkpoint(now: clock.now(), force: true) }
            let evidence = try await client.api(.get, "/api/v1/requests/\(id)/evidence", token)
            #expect(evidence.status == .serviceUnavailable, "no evidence is signed over a rewritten log")
            #expect(try await client.api(.get, "/api/v1/requests/\(id)", token).status == .ok, "reading goes on")
            let page = try await RequestPagesTests.Browser.signIn(client, try #require(users["operator"]), clock: clock).get("/access-log")
            #expect(page.text.contains("id=\"log-inconsistent\"") && page.text.contains("class=\"alarm\""))
        }
    }
}
