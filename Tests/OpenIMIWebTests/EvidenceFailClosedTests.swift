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
}
