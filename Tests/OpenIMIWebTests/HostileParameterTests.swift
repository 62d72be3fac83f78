import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// Every route of the route table meets extreme numbers and non-numbers in every query and path
/// parameter, signed in as a user with an area role: each is refused or served, never a 5xx, and
/// the server still answers `/health` afterwards.
@Suite struct HostileParameterTests {
    static let values = [
        "-9223372036854775808", "9223372036854775807", "9223372036854775808", "-1", "1000000000000000000000000000000", "1e30",
        "NaN", "%00", "..%2F..",
    ]
    /// Every query parameter a route reads (and `lang`, which every page reads).
    static let queryParameters = [
        "offset", "limit", "page", "perPage", "from", "through", "state", "mine", "language", "lang", "saved", "next", "procedure",
    ]

    @Test func extremeValuesInEveryParameterOfEveryRouteAreRefusedWithoutA5xx() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let routes = try await buildRouter(platform: platform).router.routes.map { ($0.method, "\($0.path)") }
            #expect(routes.count > 100)
            var failures: [String] = []
            func send(_ method: HTTPRequest.Method, _ uri: String) async throws {
                let isAPI = uri.hasPrefix("/api/")
                let headers: HTTPFields =
                    isAPI
                    ? [.authorization: "Bearer \(token)", .contentType: "application/json"]
                    : [.cookie: "openimi_session=\(browser.session)", .contentType: "application/x-www-form-urlencoded"]
                let body = method == .get ? nil : ByteBuffer(string: isAPI ? "{}" : "_csrf=\(browser.csrf)")
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                if response.status.code >= 500 { failures.append("\(method) \(uri) answered \(response.status.code)") }
                if isAPI, response.status.code >= 400, response.headers[.contentType] != "application/problem+json" {
                    failures.append("\(method) \(uri) answered \(response.status.code) without problem details")
                }
            }
            for (method, path) in routes where path != "/sign-out" && !path.hasSuffix("/session") {
                for value in Self.values {
                    if path.contains("{") {
                        let filled = path.split(separator: "/").map { $0.hasPrefix("{") ? value : String($0) }.joined(separator: "/")
                        try await send(method, "/" + filled)
                    }
                    guard method == .get, !path.contains("{") else { continue }
                    for name in Self.queryParameters { try await send(.get, "\(path)?\(name)=\(value)") }
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test func theInboxOffsetThatOverflowedIsRefusedOnTheAPIAndThePage() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, _, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            for offset in ["9223372036854775807", "10000001", "-1", "1e3"] {
                let api = try await client.api(.get, "/api/v1/requests?offset=\(offset)", token)
                #expect(api.status == .badRequest && api.headers[.contentType] == "application/problem+json", "\(offset)")
                #expect(try api.json()["title"] != nil)
                // The page shows its search form again, naming the parameter, with nothing listed.
                let page = try await browser.get("/requests?offset=\(offset)")
                #expect(page.status == .unprocessableContent && page.text.contains("error-summary"), "\(offset): \(page.status)")
                #expect(!page.text.contains("inbox-table"))
            }
            #expect(try await client.api(.get, "/api/v1/requests?offset=10000000&limit=200", token).status == .ok)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }
}
