import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIWeb

/// Finding a person's requests through the blind index: spelling variants find them, only one's
/// own authority's requests (active or blocked) are found, every match is logged.
@Suite struct SubjectSearchTests {
    @Test func anAuthorityFindsItsOwnRequestsAboutAPersonAndNoOneElses() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let byName = try await client.api(
                .post, "/api/v1/subject-search", dk,
                #"{"kind":"person","givenNames":"METTE","familyNames":"Kjaer","dateOfBirth":"1979-11-03"}"#)
            #expect(byName.status == .ok, "\(byName.text)")
            let found = try #require(try byName.json()["requests"] as? [[String: Any]])
            #expect(found.count == 1 && found.first?["retentionPhase"] as? String == "active")
            let byIdentifier = try await client.api(
                .post, "/api/v1/subject-search", dk, #"{"kind":"identifier","issuer":"dk","value":"031179-1234"}"#)
            #expect((try byIdentifier.json()["requests"] as? [[String: Any]])?.count == 1)

            // Blocked requests are found too, marked so.
            _ = try await platform.retention.run(asOf: clock.now())
            let blocked = try await client.api(
                .post, "/api/v1/subject-search", dk,
                #"{"kind":"person","givenNames":"Karen","familyNames":"Møller","dateOfBirth":"1969-05-05"}"#)
            #expect((try blocked.json()["requests"] as? [[String: Any]])?.first?["retentionPhase"] as? String == "blocked")

            // Another authority finds nothing; the operator may not search; a name needs its date of birth.
            let de = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            let foreign = try await client.api(
                .post, "/api/v1/subject-search", de,
                #"{"kind":"person","givenNames":"Mette","familyNames":"Kjær","dateOfBirth":"1979-11-03"}"#)
            #expect((try foreign.json()["requests"] as? [[String: Any]])?.isEmpty == true)
            let operatorToken = try await TestApp.apiToken(client, users["operator"]!, clock: clock)
            #expect(
                try await client.api(.post, "/api/v1/subject-search", operatorToken, #"{"kind":"identifier","value":"0311791234"}"#).status
                    == .forbidden)
            let noBirth = try await client.api(
                .post, "/api/v1/subject-search", dk, #"{"kind":"person","givenNames":"Mette","familyNames":"Kjær"}"#)
            #expect(noBirth.status == .badRequest && noBirth.text.contains("dateOfBirth"))

            // The same through the page, in Danish.
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let form = try await browser.get("/subjects?lang=da")
            #expect(form.text.contains("Find en person eller virksomhed") && form.text.contains("id=\"nav-subjects\""))
            let results = try await browser.post("/subjects?lang=da", [("identifier", "0311791234"), ("issuer", "DK")])
            #expect(
                results.status == .ok && results.text.contains("subject-results") && results.text.contains("I brug"),
                "\(results.text.prefix(300))")
            let nothing = try await browser.post("/subjects?lang=da", [("registrationNumber", "XX000"), ("registrationState", "DK")])
            #expect(nothing.text.contains("no-results"))

            let logged = try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM access_log WHERE purpose = 'subject-search'")
                .first()?
                .decode(column: "n", as: Int.self)
            #expect(logged == 4, "one entry per request found")
        }
    }
}
