import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP over loopback with keep-alive connections.
struct BenchmarkClient: Sendable {
    /// The server's address, such as `http://127.0.0.1:18480`.
    let base: String
    private let session: URLSession

    /// A client keeping up to `connections` connections open to `base`.
    init(base: String, connections: Int) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(connections, 1)
        configuration.httpShouldSetCookies = false
        // Without this, Foundation on Linux writes every response to an on-disk cache.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// Sends one request and returns the status and body.
    func send(_ method: String, _ path: String, headers: [String: String], body: Data? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Waits up to ten seconds for `/health` to answer 200.
    func waitUntilUp() async throws {
        for _ in 0..<100 {
            if let (status, _) = try? await send("GET", "/health", headers: [:]), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError.serverDidNotStart
    }

    /// Closes the connections.
    func shutdown() async throws {
        session.invalidateAndCancel()
    }
}

/// Why a benchmark run stopped.
enum BenchmarkError: Error {
    /// A demo user the benchmark signs in as is missing.
    case missingDemoUser(String)
    /// The server answered with another status than expected.
    case unexpectedStatus(String, Int)
    /// The server's answer lacked a field the benchmark needs.
    case unexpectedBody
    /// The server did not answer on loopback.
    case serverDidNotStart
}
