import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import Synchronization
import Testing

@testable import OpenIMIWeb

/// Passwords, security codes, secrets and tokens never reach the log, whatever happens.
@Suite struct LogHygieneTests {
    final class Capture: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    struct CapturingHandler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
        }
    }

    @Test func credentialsNeverAppearInAnyLogLine() async throws {
        let capture = Capture()
        let logger = Logger(label: "openimi") { _ in CapturingHandler(capture: capture) }
        let clock = ManualClock()
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        var config = TestApp.config(location, demo: true)
        config.logLevel = .trace
        let app = try await buildApplication(config: config, clock: clock, logger: logger)
        let file = TestApp.credentialsFile(for: location)
        defer { try? FileManager.default.removeItem(at: file) }
        let secretKey = try #require(config.secretKey)
        let secrets = try await app.test(.router) { client in
            var secrets: [String] = [secretKey]
            struct File: Decodable { let users: [DemoCredential] }
            let users = try JSONDecoder().decode(File.self, from: Data(contentsOf: file)).users
            let admin = users.first { $0.username == "dk.admin" }!
            secrets += users.flatMap { [$0.password, $0.totpSecret, $0.totpSecretRaw] }
            let token = try await TestApp.apiToken(client, admin, clock: clock)
            secrets.append(token)
            // A failed sign-in, a wrong code, an activation link with its token in the query string.
            let wrongCode = TestApp.code(admin, at: clock.now().addingTimeInterval(-600))
            secrets.append(wrongCode)
            _ = try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"dk.admin","password":"\#(admin.password)","code":"\#(wrongCode)"}"#))
            let created = try await client.execute(
                uri: "/api/v1/organisations/authority/\(admin.organisationId!)/users", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"log.test","fullName":"Log Test","email":"l@example.org","roles":[]}"#))
            let activation = try #require(try created.json()["activationToken"] as? String)
            secrets.append(activation)
            _ = try await client.execute(uri: "/activate?token=\(activation)", method: .get)
            let newPassword = "a secret sentence for logs"
            secrets.append(newPassword)
            let enrol = try await client.execute(
                uri: "/api/v1/activation", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"token":"\#(activation)","password":"\#(newPassword)"}"#))
            secrets += (try enrol.json()["recoveryCodes"] as? [String]) ?? []
            secrets.append((try enrol.json()["totpSecretBase32"] as? String) ?? "")
            return secrets
        }
        let lines = capture.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("/api/v1/session") }, "requests are logged")
        for secret in secrets where secret.count >= 6 {
            #expect(!lines.contains { $0.contains(secret) }, "a secret reached the log")
        }
    }
}
