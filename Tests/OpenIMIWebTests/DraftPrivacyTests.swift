import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// A draft belongs to its requesting authority alone until it is sent: the addressee finds it
/// neither by subject search nor through its rights register, cannot export, correct, restrict or
/// erase it, and the requester keeps its draft whole.
@Suite struct DraftPrivacyTests {
    static let person = #"{"kind":"person","givenNames":"Ingrid","familyNames":"Dahlberg","dateOfBirth":"1981-06-30"}"#

    @Test func theAddresseeOfADraftCannotFindOrTouchIt() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, _, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let responder = try #require(users["si.handler"]?.organisationId)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(14 * 86_400))
            let created = try await client.api(
                .post, "/api/v1/requests", dk,
                #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"person","givenNames":"Ingrid","familyNames":"Dahlberg","dateOfBirth":"1981-06-30"},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
            )
            let draft = try #require(try created.json()["id"] as? String, "\(created.text)")

            // The requester finds its own draft.
            let found = try await client.api(.post, "/api/v1/subject-search", dk, Self.person)
            #expect((try found.json()["requests"] as? [[String: Any]])?.count == 1)

            // The addressee's handler and data administrator do not.
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            #expect(
                (try await client.api(.post, "/api/v1/subject-search", si, Self.person).json()["requests"] as? [[String: Any]])?.isEmpty
                    == true)
            #expect(try await client.api(.get, "/api/v1/requests/\(draft)", si).status == .notFound)
            let admin = try await TestApp.apiToken(client, users["si.admin"]!, clock: clock)
            #expect(
                (try await client.api(.post, "/api/v1/subject-search", admin, Self.person).json()["requests"] as? [[String: Any]])?.isEmpty
                    == true)
            let today = String(ISO8601DateFormatter().string(from: clock.now()).prefix(10))
            var entries: [String: String] = [:]
            for kind in ["rectification", "erasure", "restriction", "access"] {
                let entry = try await client.api(
                    .post, "/api/v1/rights-requests", admin,
                    #"{"kind":"\#(kind)","subject":\#(Self.person),"identification":"Identity card","language":"sl","receivedOn":"\#(today)"}"#
                )
                entries[kind] = try #require(try entry.json()["id"] as? String, "\(entry.text)")
            }
            let data = try await client.api(.get, "/api/v1/rights-requests/\(entries["access"]!)/data", admin)
            #expect((try data.json()["requests"] as? [[String: Any]])?.isEmpty == true, "\(data.text)")
            let export = try await client.api(.get, "/api/v1/rights-requests/\(entries["access"]!)/export", admin)
            #expect(
                export.status == .ok && !export.text.contains(draft) && !export.text.contains("pq-information-request"), "\(export.text)")
            let corrected = try await client.api(
                .post, "/api/v1/rights-requests/\(entries["rectification"]!)/corrections", admin,
                #"{"request":"\#(draft)","field":"familyNames","value":"Dahl"}"#)
            #expect(corrected.status == .notFound, "\(corrected.text)")
            let erased = try await client.api(
                .post, "/api/v1/rights-requests/\(entries["erasure"]!)/erasures", admin, #"{"request":"\#(draft)"}"#)
            #expect(erased.status == .notFound, "\(erased.text)")
            let restricted = try await client.api(
                .post, "/api/v1/rights-requests/\(entries["restriction"]!)/restrictions", admin, #"{"request":"\#(draft)"}"#)
            #expect(restricted.status == .notFound, "\(restricted.text)")
            #expect((try await client.api(.get, "/api/v1/corrections", si).json()["corrections"] as? [[String: Any]])?.isEmpty == true)
            let inbox = try await client.api(.get, "/api/v1/requests?state=draft,sent", si)
            #expect(!inbox.text.contains(draft))

            // The requester's draft is whole.
            let own = try await client.api(.get, "/api/v1/requests/\(draft)", dk)
            #expect(own.status == .ok && own.text.contains("Dahlberg"))
        }
    }
}
