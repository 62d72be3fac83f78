import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import OpenIMIWeb
import SQLKit
import Testing

/// Runs the real application (built by `buildApplication`) on a fresh database, with a second
/// connection to the same database for checking what was or was not written.
enum TestApp {
    static func run(
        demo: Bool = true, clock: any AppClock = SystemClock(),
        _ test: @escaping @Sendable (any TestClientProtocol, any Database) async throws -> Void
    ) async throws {
        try await withApp(demo: demo, clock: clock) { client, probe, _ in try await test(client, probe) }
    }

    /// Builds the application on a fresh database and runs `test` with a client, a second connection
    /// to that database, and its location; removes the database afterwards.
    private static func withApp(
        demo: Bool, clock: any AppClock,
        _ test: @escaping @Sendable (any TestClientProtocol, any Database, DatabaseLocation) async throws -> Void
    ) async throws {
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        let config = config(location, demo: demo)
        defer {
            try? FileManager.default.removeItem(atPath: config.keyDirectory)
            try? FileManager.default.removeItem(atPath: config.resolvedCheckpointDirectory)
        }
        let app = try await buildApplication(config: config, clock: clock)
        try await app.test(.router) { client in
            let logger = Logger(label: "openimi-tests")
            let probe = try await location.open(logger: logger)
            try await probe.whileRunning(logger: logger) {
                try await test(client, probe, location)
                try await probe.close()
            }
        }
    }
}

extension TestApp {
    /// Runs the application with demo data and hands the test the demo users' credentials by username.
    static func runWithUsers(
        clock: ManualClock,
        _ test: @escaping @Sendable (any TestClientProtocol, any Database, [String: DemoCredential]) async throws -> Void
    ) async throws {
        try await withApp(demo: true, clock: clock) { client, probe, location in
            defer { try? FileManager.default.removeItem(at: credentialsFile(for: location)) }
            try await test(client, probe, try demoUsers(for: location))
        }
    }

    /// Runs the router of a `Platform` opened and prepared with demo data, for tests that need the
    /// platform itself (its checkpointer, its keys) beside the HTTP client; removes what it wrote.
    static func runOnPlatform(
        clock: ManualClock, fontDirectory: String? = nil,
        _ test: @escaping @Sendable (any TestClientProtocol, Platform, [String: DemoCredential]) async throws -> Void
    ) async throws {
        let location = try TestDatabase.freshLocation()
        var config = config(location, demo: true)
        if let fontDirectory { config.fontDirectory = fontDirectory }
        try await runOnPlatform(config: config, clock: clock, test)
    }

    /// Runs the router of a `Platform` opened with `config` (made by ``config(_:demo:)`` on a fresh
    /// location, with demo data) and prepared; removes what it wrote.
    static func runOnPlatform(
        config: AppConfig, clock: ManualClock,
        _ test: @escaping @Sendable (any TestClientProtocol, Platform, [String: DemoCredential]) async throws -> Void
    ) async throws {
        let location = config.database
        defer { TestDatabase.remove(location) }
        defer {
            try? FileManager.default.removeItem(atPath: config.keyDirectory)
            try? FileManager.default.removeItem(atPath: config.resolvedCheckpointDirectory)
            try? FileManager.default.removeItem(at: credentialsFile(for: location))
        }
        let platform = try await Platform.open(config: config, clock: clock)
        try await platform.run {
            try await platform.prepare()
            let users = try demoUsers(for: location)
            try await Application(router: try await buildRouter(platform: platform).router).test(.router) { client in
                try await test(client, platform, users)
            }
        }
    }

    /// The demo users' credentials written for the database at `location`, by username.
    static func demoUsers(for location: DatabaseLocation) throws -> [String: DemoCredential] {
        struct File: Decodable { let users: [DemoCredential] }
        let users = try JSONDecoder().decode(File.self, from: Data(contentsOf: credentialsFile(for: location))).users
        return Dictionary(uniqueKeysWithValues: users.map { ($0.username, $0) })
    }

    /// The code `user`'s authenticator shows at `date`.
    static func code(_ user: DemoCredential, at date: Date) -> String {
        OneTimeCode(secret: user.totpSecretRaw).code(at: date)
    }

    /// Signs `user` in through the API and returns the bearer token.
    static func apiToken(_ client: any TestClientProtocol, _ user: DemoCredential, clock: ManualClock) async throws -> String {
        let body = #"{"username":"\#(user.username)","password":"\#(user.password)","code":"\#(code(user, at: clock.now()))"}"#
        let response = try await client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        guard response.status == .created, let token = try response.json()["token"] as? String else {
            throw TestAppError.signInFailed(response.text)
        }
        clock.advance(by: 30)
        return token
    }

    /// The id of the first closed demo request the holder of `token` sees.
    static func closedDemoRequest(_ client: any TestClientProtocol, _ token: String) async throws -> String {
        let closed = try await client.api(.get, "/api/v1/requests?state=closed", token).json()["requests"] as? [[String: Any]]
        return try #require(closed?.first?["id"] as? String)
    }

    /// A configuration for one test: its database, a fresh secret key, demo credentials in a temporary file.
    static func config(_ location: DatabaseLocation, demo: Bool) -> AppConfig {
        var config = AppConfig(
            hostname: "127.0.0.1", port: 0, database: location, logLevel: .warning, seedDemoData: demo,
            secretKey: Data(SystemSecureRandom().bytes(32)).base64EncodedString(),
            demoCredentialsFile: credentialsFile(for: location).path,
            keyDirectory: credentialsFile(for: location).deletingPathExtension().path + "-keys",
            dataDirectory: credentialsFile(for: location).deletingLastPathComponent().path)
        config.checkpointDirectory = credentialsFile(for: location).deletingPathExtension().path + "-checkpoints"
        config.passwordHasher = .forTests
        return config
    }

    /// Where the demo users' credentials of a test's database are written.
    static func credentialsFile(for location: DatabaseLocation) -> URL {
        let name: String =
            switch location {
            case .sqlite(let path): URL(fileURLWithPath: path).lastPathComponent
            case .postgres(let address): address.schema ?? "public"
            }
        return FileManager.default.temporaryDirectory.appendingPathComponent("openimi-tests/\(name)-credentials.json")
    }
}

enum TestAppError: Error {
    case signInFailed(String)
}

extension TestClientProtocol {
    /// A JSON API call with `token` as the bearer token.
    func api(_ method: HTTPRequest.Method, _ uri: String, _ token: String, _ body: String? = nil) async throws -> TestResponse {
        try await execute(
            uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: body.map { ByteBuffer(string: $0) })
    }
}

extension TestApp {
    /// The id of the demo request in `state` (the demo data hold one German request to Denmark
    /// about Jonas Schmidt waiting for more information).
    static func demoRequest(in state: RequestState, _ database: any Database) async throws -> String {
        try #require(
            try await database.sql.select().column("id").from("information_request").where("state", .equal, state.rawValue)
                .first()?.decode(column: "id", as: String.self))
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body decoded as JSON.
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] ?? [:]
    }
}
