import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// Without its signing key the platform records no new history, and it resumes by itself once the
/// key is back.
@Suite struct EvidenceFailClosedTests {
    @Test func stepsAreRefusedWith503WhileTheKeyIsUnreadableAndAllowedOnceItIsBack() async throws {
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        let clock = ManualClock()
        let config = TestApp.config(location, demo: true)
        let platform = try await Platform.open(config: config, clock: clock)
        let keys = URL(fileURLWithPath: config.keyDirectory)
        let hidden = keys.deletingLastPathComponent().appendingPathComponent(keys.lastPathComponent + "-away")
        defer {
            try? FileManager.default.removeItem(at: keys)
            try? FileManager.default.removeItem(at: hidden)
            try? FileManager.default.removeItem(at: TestApp.credentialsFile(for: location))
        }
        try await platform.run {
            try await platform.prepare()
            struct File: Decodable { let users: [DemoCredential] }
            let users = try JSONDecoder().decode(File.self, from: Data(contentsOf: TestApp.credentialsFile(for: location))).users
            let handler = try #require(users.first { $0.username == "dk.handler" })
            let responder = try #require(users.first { $0.username == "si.handler" }?.organisationId)
            let app = Application(router: try buildRouter(platform: platform).router)
            try await app.test(.router) { client in
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
}
