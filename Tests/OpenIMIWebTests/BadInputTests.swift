import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import SQLKit
import Testing

/// Bad input gets a 4xx with an RFC 9457 body (or a friendly page in the user's language) and changes nothing.
@Suite struct BadInputTests {
    /// Row counts of every table, to prove a request wrote nothing.
    private func snapshot(_ database: any Database) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in [
            "member_state", "legal_area", "procedure", "coordinator", "authority", "authority_legal_area", "authority_search_token",
            "schema_migrations",
        ] {
            counts[table] = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
                .decode(column: "n", as: Int.self)
        }
        return counts
    }

    private func expectProblem(
        _ response: TestResponse, _ status: HTTPResponse.Status, _ type: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let body = try response.json()
        #expect(body["type"] as? String == "urn:openimi:problem:\(type)", sourceLocation: sourceLocation)
        #expect(body["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(
            (body["title"] as? String)?.isEmpty == false && (body["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    private func post(
        _ client: any TestClientProtocol, _ body: String, contentType: String = "application/json"
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/authorities/search", method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: body))
    }

    @Test func malformedBodiesAreRefusedWithProblemDetails() async throws {
        try await TestApp.run { client, database in
            let before = try await snapshot(database)
            try expectProblem(try await post(client, #"{"name": "#), .badRequest, "malformed-body")
            try expectProblem(try await post(client, #"["name"]"#), .badRequest, "malformed-body")
            try expectProblem(try await post(client, ""), .badRequest, "malformed-body")
            let unknown = try await post(client, #"{"name":"x","nmae":"y"}"#)
            try expectProblem(unknown, .badRequest, "unknown-fields")
            #expect((try unknown.json()["errors"] as? [[String: String]])?.first?["field"] == "nmae")
            let wrongType = try await post(client, #"{"page":"two"}"#)
            try expectProblem(wrongType, .badRequest, "malformed-body")
            #expect((try wrongType.json()["errors"] as? [[String: String]])?.first?["field"] == "page")
            try expectProblem(try await post(client, #"{"page":0}"#), .badRequest, "invalid-field")
            try expectProblem(try await post(client, #"{"memberState":"GB"}"#), .badRequest, "invalid-field")
            try expectProblem(
                try await post(client, "name=x", contentType: "application/x-www-form-urlencoded"), .unsupportedMediaType,
                "unsupported-media-type")
            let huge = "{\"name\":\"" + String(repeating: "a", count: 70_000) + "\"}"
            try expectProblem(try await post(client, huge), .contentTooLarge, "payload-too-large")
            #expect(try await snapshot(database) == before)
        }
    }

    @Test func badQueriesAndUnknownIdsAreRefused() async throws {
        try await TestApp.run { client, database in
            let before = try await snapshot(database)
            for (uri, status, type) in [
                ("/api/v1/authorities?page=abc", HTTPResponse.Status.badRequest, "invalid-field"),
                ("/api/v1/authorities?perPage=1000", .badRequest, "invalid-field"),
                ("/api/v1/authorities?legalArea=astrology", .badRequest, "invalid-field"),
                ("/api/v1/authorities?memberState=XX", .badRequest, "invalid-field"),
                ("/api/v1/authorities?nmae=x", .badRequest, "unknown-fields"),
                ("/api/v1/authorities/not-a-uuid", .notFound, "not-found"),
                ("/api/v1/authorities/00000000-0000-0000-0000-000000000000", .notFound, "not-found"),
                ("/api/v1/legal-areas/astrology", .notFound, "not-found"),
                ("/api/v1/coordinators?kind=emperor", .badRequest, "invalid-field"),
                ("/api/v1/legal-areas?lang=xx", .badRequest, "unsupported-language"),
                ("/api/v1/nothing-here", .notFound, "not-found"),
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                try expectProblem(response, status, type)
            }
            let wrongMethod = try await client.execute(uri: "/api/v1/legal-areas", method: .delete)
            #expect(wrongMethod.status.code >= 400 && wrongMethod.status.code < 500)
            #expect(wrongMethod.headers[.contentType] == "application/problem+json")
            #expect(try await snapshot(database) == before)
        }
    }

    @Test func pagesShowAFriendlyErrorInTheUsersLanguage() async throws {
        try await TestApp.run { client, _ in
            let missing = try await client.execute(uri: "/no-such-page?lang=sl", method: .get, headers: [.accept: "text/html"])
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(missing.text.contains("Ni najdeno") && missing.text.contains("<html lang=\"sl\">"))
            let language = try await client.execute(uri: "/directory?lang=xx", method: .get, headers: [.cookie: "lang=da"])
            #expect(language.status == .badRequest && language.text.contains("Sproget findes ikke"))
            let badPage = try await client.execute(uri: "/directory?page=-3&lang=da", method: .get)
            #expect(badPage.status == .badRequest && badPage.text.contains("Ugyldige oplysninger"))
            let unknownAuthority = try await client.execute(uri: "/directory/authorities/nope", method: .get)
            #expect(unknownAuthority.status == .notFound && unknownAuthority.text.contains("Not found"))
        }
    }
}
