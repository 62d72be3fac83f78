import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import OpenIMIWeb
import Testing

@Suite struct HealthAndOpenAPITests {
    @Test func healthNamesTheDatabaseAndCurrentMigrations() async throws {
        try await TestApp.run(demo: false) { client, _ in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["status"] as? String == "ok")
            #expect(body["database"] as? String == TestDatabase.kind.rawValue)
            #expect((body["migrations"] as? [String: Any])?["current"] as? Bool == true)
        }
    }

    /// Fails when a registered API route is missing from the document, or the document lists one that does not exist.
    @Test func openAPIDocumentListsExactlyTheAPIRoutes() async throws {
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        let platform = try await Platform.open(config: TestApp.config(location, demo: false))
        let router = try await buildRouter(platform: platform).router
        try await platform.database.close()
        let registered = Set(
            router.routes
                .filter { "\($0.path)".hasPrefix("/api/") || "\($0.path)" == "/health" || "\($0.path)" == "/openapi.json" }
                .map { route in
                    let path = "\(route.path)".split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                    return "\(route.method.rawValue.lowercased()) /" + path.joined(separator: "/")
                })
        try await TestApp.run(demo: false) { client, _ in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            let document = try response.json()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
            #expect(!registered.isEmpty)
            #expect(
                registered.subtracting(documented).isEmpty,
                "Routes missing from openapi.json: \(registered.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(registered).isEmpty,
                "openapi.json lists routes that do not exist: \(documented.subtracting(registered).sorted())")
            // Every `lang` parameter lists exactly the interface languages that have a catalog.
            let catalogs = Set(platform.catalogs.languages.map(\.rawValue))
            for (path, operations) in paths {
                for case let (method, operation as [String: Any]) in operations {
                    for case let parameter as [String: Any] in operation["parameters"] as? [Any] ?? []
                    where parameter["name"] as? String == "lang" {
                        let listed = Set((parameter["schema"] as? [String: Any])?["enum"] as? [String] ?? [])
                        #expect(listed == catalogs, "\(method) \(path): lang lists \(listed.sorted())")
                    }
                }
            }
        }
    }

    @Test func anAddressAnswersAMethodItDoesNotTakeWith405AndAllow() async throws {
        try await TestApp.run(demo: false) { client, _ in
            for (method, path, allow) in [
                (HTTPRequest.Method.trace, "/health", "GET"), (.post, "/health", "GET"), (.delete, "/api/v1/requests", "GET, POST"),
                (.options, "/api/v1/authorities/search", "POST"), (.put, "/legal-areas", "GET"),
            ] {
                let response = try await client.execute(uri: path, method: method, headers: [.accept: "application/json"])
                #expect(response.status == .methodNotAllowed, "\(method) \(path): \(response.status)")
                #expect(response.headers[.allow] == allow, "\(method) \(path): \(response.headers[.allow] ?? "no Allow")")
            }
            #expect(try await client.execute(uri: "/no/such/address", method: .delete).status == .notFound)
        }
    }
}
