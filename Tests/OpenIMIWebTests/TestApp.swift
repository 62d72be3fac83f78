import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OpenIMIPersistence
import OpenIMITestSupport
import OpenIMIWeb

/// Runs the real application (built by `buildApplication`) on a fresh database, with a second
/// connection to the same database for checking what was or was not written.
enum TestApp {
    static func run(
        demo: Bool = true, _ test: @escaping @Sendable (any TestClientProtocol, any Database) async throws -> Void
    ) async throws {
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        let config = AppConfig(hostname: "127.0.0.1", port: 0, database: location, logLevel: .warning, seedDemoData: demo)
        let app = try await buildApplication(config: config)
        try await app.test(.router) { client in
            let logger = Logger(label: "openimi-tests")
            let probe = try await location.open(logger: logger)
            try await probe.whileRunning(logger: logger) {
                try await test(client, probe)
                try await probe.close()
            }
        }
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
