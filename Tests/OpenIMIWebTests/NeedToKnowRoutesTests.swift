import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import SQLKit
import Testing

@testable import OpenIMIWeb

/// Need-to-know through every page and API route: an uninvolved authority, a user of the involved
/// authority without a role in the area, coordinators the request was not referred to and the
/// operator get nothing personal — not the request, its attachments, or its existence in a list.
@Suite struct NeedToKnowRoutesTests {
    @Test func strangersGetNothingPersonalThroughAnyRoute() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            // The demo request from Germany to Denmark about Jonas Schmidt, waiting for more information.
            let id = try await TestApp.demoRequest(in: .additionalInformationRequested, database)
            let german = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            let uploaded = try await client.execute(
                uri: "/api/v1/requests/\(id)/attachments?name=Schmidt-Approbation.pdf", method: .post,
                headers: [.authorization: "Bearer \(german)"], body: ByteBuffer(bytes: RequestPagesTests.pdf))
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let attachment = try #require(try uploaded.json()["id"] as? String)
            let secrets = ["Jonas", "Schmidt", "L01X00T47", "Approbation"]

            // Someone involved with a role in the area does see it.
            let reader = try await TestApp.apiToken(client, users["dk.reader"]!, clock: clock)
            let read = try await client.execute(uri: "/api/v1/requests/\(id)", method: .get, headers: [.authorization: "Bearer \(reader)"])
            #expect(read.status == .ok && read.text.contains("Schmidt"))

            for name in ["si.handler", "dk.admin", "dk.nimic", "si.nimic", "de.nimic", "operator"] {
                let user = try #require(users[name])
                let token = try await TestApp.apiToken(client, user, clock: clock)
                let bearer: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
                let api: [(HTTPRequest.Method, String, String?)] = [
                    (.get, "/api/v1/requests/\(id)", nil), (.get, "/api/v1/requests/\(id)/attachments", nil),
                    (.get, "/api/v1/requests/\(id)/attachments/\(attachment)", nil),
                    (.get, "/api/v1/requests/\(id)/attachments/\(attachment)/description", nil),
                    (.get, "/api/v1/requests/\(id)/evidence", nil),
                    (.get, "/api/v1/requests/\(id)/report", nil),
                    (.post, "/api/v1/requests/\(id)/steps", #"{"action":"provide-additional-information","version":1}"#),
                    (.put, "/api/v1/requests/\(id)/answers/legally-established", #"{"value":"yes","version":1}"#),
                    (.post, "/api/v1/requests/\(id)/allocation", #"{"handlerId":"\#(UUID())","version":1}"#),
                    (.post, "/api/v1/requests/\(id)/deadline-decision", #"{"accept":true,"version":1}"#),
                    (.post, "/api/v1/requests/\(id)/attachments?name=x.pdf", "%PDF-1.4"),
                ]
                for (method, uri, body) in api {
                    let response = try await client.execute(
                        uri: uri, method: method, headers: bearer, body: body.map { ByteBuffer(string: $0) })
                    #expect(response.status == .notFound, "\(name) \(method) \(uri): \(response.status)")
                    #expect(secrets.allSatisfy { !response.text.contains($0) }, "\(name) \(uri)")
                }
                for uri in ["/api/v1/requests", "/api/v1/notifications", "/api/v1/indicators"] {
                    let response = try await client.execute(uri: uri, method: .get, headers: bearer)
                    #expect(
                        !response.text.contains(id) && secrets.allSatisfy { !response.text.contains($0) },
                        "\(name) \(uri): \(response.text.prefix(400))")
                }
                let browser = try await RequestPagesTests.Browser.signIn(client, user, clock: clock)
                for uri in [
                    "/requests/\(id)", "/requests/\(id)/attachments/\(attachment)", "/requests/\(id)/evidence", "/requests/\(id)/report",
                ] {
                    let response = try await browser.get(uri)
                    #expect(response.status == .notFound, "\(name) \(uri): \(response.status)")
                    #expect(secrets.allSatisfy { !response.text.contains($0) }, "\(name) \(uri)")
                }
                let inbox = try await browser.get("/requests")
                #expect(!inbox.text.contains(id) && secrets.allSatisfy { !inbox.text.contains($0) }, "\(name) inbox")
                let step = try await browser.post(
                    "/requests/\(id)/steps", [("action", "provide-additional-information"), ("version", "4")])
                #expect(step.status == .notFound, "\(name) web step")
            }
            let stored = try await database.sql.select().column("id").from("request_attachment").all()
            #expect(stored.count == 1, "refused uploads store nothing")
        }
    }
}
