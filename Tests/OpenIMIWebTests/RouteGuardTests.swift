import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// Every registered route is either explicitly public or guarded by a session, and every guarded
/// route refuses an anonymous request.
@Suite struct RouteGuardTests {
    static func guardedRoutes() async throws -> (all: [String], access: [String: RouteAccess]) {
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        let platform = try await Platform.open(config: TestApp.config(location, demo: false))
        let routes = try await buildRouter(platform: platform)
        try await platform.database.close()
        return (routes.router.routes.map { "\($0.method.rawValue) \($0.path)" }, routes.registry.all)
    }

    @Test func everyRouteIsPublicOrGuarded() async throws {
        let (all, access) = try await Self.guardedRoutes()
        #expect(all.count > 30)
        // The route table is the one place routes come from: each of its routes is registered with
        // the access it declares, and nothing else is.
        let table = Site.all.map { "\($0.method.rawValue) \(RouterPath($0.pattern))" }
        #expect(Set(table).count == table.count, "the route table holds a route twice")
        #expect(Set(all) == Set(table))
        for route in Site.all {
            #expect(access["\(route.method.rawValue) \(RouterPath(route.pattern))"] == route.access, "\(route.pattern)")
        }
        for route in all {
            #expect(access[route] != nil, "\(route) was registered without declaring its access")
        }
        let publicRoutes = Set(access.filter { $0.value == .public }.keys)
        // The public surface, reviewed: anything added here must be meant for anonymous visitors.
        #expect(
            publicRoutes == [
                "GET /", "GET /static/{file}", "GET /legal-areas", "GET /indicators", "GET /api/v1/legal-areas",
                "GET /api/v1/legal-areas/{code}",
                "GET /api/v1/member-states", "GET /coordinators", "GET /api/v1/coordinators", "GET /directory",
                "GET /directory/authorities/{id}", "GET /api/v1/authorities", "POST /api/v1/authorities/search",
                "GET /api/v1/authorities/{id}",
                "GET /health", "GET /openapi.json", "GET /sign-in", "POST /sign-in", "POST /api/v1/session", "GET /activate",
                "POST /activate",
                "POST /activate/confirm", "POST /api/v1/activation", "POST /api/v1/activation/confirm", "GET /api/v1/indicators",
                "GET /privacy", "GET /glossary",
                // eTranslation's answers: accepted only with the secret reference of a pending translation.
                "POST /api/v1/machine-translations/etranslation",
                // For a scraper: 404 unless a token file is configured, then only with that bearer token (MetricsTests).
                "GET /metrics",
            ])
    }

    @Test func guardedRoutesRefuseAnonymousRequests() async throws {
        let (_, access) = try await Self.guardedRoutes()
        let guarded = access.filter { $0.value == .signedIn }.keys.sorted()
        #expect(guarded.count >= 20)
        try await TestApp.run(demo: false) { client, _ in
            for route in guarded {
                let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
                let method = HTTPRequest.Method(parts[0])!
                let path = parts[1].split(separator: "/").map { segment -> String in
                    switch segment {
                    case "{id}": UUID().uuidString.lowercased()
                    case "{kind}": "authority"
                    case "{role}": "reader:services"
                    case "{operation}": "suspend"
                    default: String(segment)
                    }
                }.joined(separator: "/")
                let isAPI = path.hasPrefix("api/")
                // Web forms get a valid pre-sign-in CSRF pair, so only the missing session can refuse them.
                let headers: HTTPFields =
                    isAPI
                    ? [.contentType: "application/json"]
                    : [.cookie: "openimi_csrf=\(String(repeating: "c", count: 43))", .contentType: "application/x-www-form-urlencoded"]
                let body = isAPI ? "{}" : "_csrf=\(String(repeating: "c", count: 43))"
                let response = try await client.execute(uri: "/" + path, method: method, headers: headers, body: ByteBuffer(string: body))
                if isAPI {
                    #expect(response.status == .unauthorized, "\(route) answered \(response.status)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                } else if method == .get {
                    #expect(response.status == .seeOther && response.headers[.location]?.hasPrefix("/sign-in") == true, "\(route)")
                } else {
                    #expect(response.status == .unauthorized, "\(route) answered \(response.status)")
                }
            }
        }
    }
}
