import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// `/metrics` answers only the configured bearer token, in the Prometheus text format, with route
/// templates in its labels and never an id; without a token file it does not exist, and a token
/// file others may read stops the start.
@Suite struct MetricsTests {
    static func tokenFile(mode: Int, token: String = "metrics-scrape-token-0123456789abcdef") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("token").path
        try "\(token)\n".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }

    @Test func aScrapeNeedsTheTokenAndItsLabelsNameRoutesNeverIds() async throws {
        let clock = ManualClock()
        var config = TestApp.config(try TestDatabase.freshLocation(), demo: true)
        config.metricsTokenFile = try Self.tokenFile(mode: 0o600)
        try await TestApp.runOnPlatform(config: config, clock: clock) { client, platform, users in
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
            let wrong = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer metrics-scrape-token-0123456789abcdeg"])
            #expect(wrong.status == .unauthorized && wrong.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let id = try await TestApp.demoRequest(in: .additionalInformationRequested, platform.database)
            let token = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/requests/\(id)", token).status == .ok)
            _ = try await client.api(
                .post, "/api/v1/session", "none", #"{"username":"de.handler","password":"not the password","code":"000000"}"#)
            try await platform.checkpointer.checkpoint(now: clock.now(), force: true)
            let scrape = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "bearer metrics-scrape-token-0123456789abcdef"])
            #expect(scrape.status == .ok && scrape.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = scrape.text
            for expected in [
                #"http_route="/api/v1/requests/{id}""#, "openimi_sign_in_failures{reason=\"failed\"}", "openimi_access_log_entries",
                "openimi_access_log_queued", "openimi_access_log_queue_age_seconds",
                "openimi_checkpoint_age_seconds", "openimi_db_commit", "openimi_db_transactions_active",
            ] {
                #expect(text.contains(expected), "\(expected) in:\n\(text.prefix(3000))")
            }
            #expect(!text.contains(id), "no id in a label")
            #expect(text.range(of: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", options: .regularExpression) == nil)
            #expect(!text.contains("de.handler"))
        }
    }

    @Test func withoutATokenFileThereIsNoMetricsAndAnExposedOneStopsTheStart() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, _, _ in
            let answer = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer anything"])
            #expect(answer.status == .notFound)
        }
        var config = TestApp.config(try TestDatabase.freshLocation(), demo: false)
        config.metricsTokenFile = try Self.tokenFile(mode: 0o644)
        let short = try Self.tokenFile(mode: 0o600, token: "too-short")
        defer { TestDatabase.remove(config.database) }
        let platform = try await Platform.open(config: config, clock: clock)
        try await platform.run {
            await #expect(throws: ConfigurationError.self) { _ = try await buildRouter(platform: platform) }
            var shortConfig = platform.config
            shortConfig.metricsTokenFile = short
            let shortPlatform = try await Platform.open(config: shortConfig, clock: clock)
            await #expect(throws: ConfigurationError.self) { _ = try await buildRouter(platform: shortPlatform) }
        }
    }
}
