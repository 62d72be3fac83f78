import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import Testing

@testable import OpenIMIWeb

/// A whole request through the API: Danish authority to Slovenian authority, forwarded, with an
/// additional-information round, signing in as the demo users.
@Suite struct RequestsAPITests {
    @Test func aWholeRequestFromDenmarkToSlovenia() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let ministry = try await TestApp.apiToken(client, users["si.ministry"]!, clock: clock)
            let outsider = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let ministryID = try #require(users["si.ministry"]?.organisationId)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(14 * 86_400))
            let created = try await client.api(
                .post, "/api/v1/requests", dk,
                #"{"procedure":"pq-information-request","responderId":"\#(zbornica)","subject":{"kind":"person","givenNames":"Mette","familyNames":"Kjær","dateOfBirth":"1979-11-03","nationalities":["DK"]},"questions":["legally-established","disciplinary-sanctions"],"freeText":{"text":"Ansøgning om autorisation som læge","language":"da"},"deadline":"\#(deadline)"}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? String)
            var version = 1
            func step(_ token: String, _ action: String, extra: String = "") async throws -> TestResponse {
                let response = try await client.api(
                    .post, "/api/v1/requests/\(id)/steps", token, #"{"action":"\#(action)","version":\#(version)\#(extra)}"#)
                if response.status == .ok { version = try response.json()["version"] as? Int ?? version }
                return response
            }
            #expect(try await step(dk, "send").status == .ok)
            #expect(
                try await client.api(.get, "/api/v1/requests/\(id)", outsider).status == .notFound, "an uninvolved authority sees nothing")
            let inbox = try await client.api(.get, "/api/v1/requests", si)
            #expect(try (inbox.json()["requests"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)
            #expect(!inbox.text.contains("Mette"), "the inbox carries no personal data")
            #expect(
                try await step(si, "forward", extra: #","forwardTo":"\#(ministryID)","comment":"The ministry keeps the register""#).status
                    == .ok)
            #expect(try await step(ministry, "accept").status == .ok)
            #expect(try await step(ministry, "request-additional-information", extra: #","comment":"Which specialty?""#).status == .ok)
            #expect(try await step(dk, "provide-additional-information", extra: #","comment":"General practice""#).status == .ok)
            let stale = try await client.api(.post, "/api/v1/requests/\(id)/steps", ministry, #"{"action":"answer","version":1}"#)
            #expect(stale.status == .conflict)
            for (question, body) in [
                ("legally-established", #"{"value":"yes","version":VERSION}"#),
                ("disciplinary-sanctions", #"{"value":"no","justification":"Necessary to decide on the authorisation","version":VERSION}"#),
            ] {
                let answered = try await client.api(
                    .put, "/api/v1/requests/\(id)/answers/\(question)", ministry,
                    body.replacingOccurrences(of: "VERSION", with: "\(version)"))
                #expect(answered.status == .ok, "\(answered.text)")
                version = try answered.json()["version"] as? Int ?? version
            }
            #expect(try await step(ministry, "answer").status == .ok)
            #expect(try await step(dk, "close").status == .ok)
            let final = try await client.api(.get, "/api/v1/requests/\(id)", dk)
            let document = try final.json()
            #expect(document["state"] as? String == "closed" && document["formalClosureDate"] != nil)
            #expect((document["earlierResponderIds"] as? [String]) == [zbornica])
            #expect(
                (document["steps"] as? [[String: Any]])?.compactMap { $0["to"] as? String }
                    == ["draft", "sent", "forwarded", "accepted", "additional-information-requested", "accepted", "answered", "closed"])
            let log = try await AccessLog(sql: database.sql).entries(of: UUID(uuidString: id)!)
            #expect(log.contains { $0.operation == "read" && $0.purpose == "api:get-request" })
        }
    }
}

@Suite struct IndicatorsAPITests {
    @Test func indicatorsPerStateAndAuthorityFromTheDemoRequests() async throws {
        try await TestApp.run { client, _ in
            let germany = try await client.execute(uri: "/api/v1/indicators?memberState=DE", method: .get)
            #expect(germany.status == .ok)
            let body = try germany.json()
            // German demo authorities received two requests, sent on day 1 and accepted on day 2; one
            // was answered on day 3, well before its deadline (day 21).
            #expect(body["received"] as? Int == 2)
            #expect(body["acceptedWithinSevenDays"] as? Double == 1 && body["answeredByDeadline"] as? Double == 1)
            #expect(body["averageDaysToAnswer"] as? Double == 2)
            #expect(!germany.text.contains("Klinik"), "aggregates only")
            #expect(try await client.execute(uri: "/api/v1/indicators", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/indicators?memberState=XX", method: .get).status == .badRequest)
        }
    }
}
