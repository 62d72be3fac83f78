import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import SQLKit
import Testing

/// The register of European Professional Cards on the demo data: the Danish and Slovenian
/// professional-qualifications authorities keep records; the area's authorities find a card by its
/// number or the holder's name; others get nothing; values are sealed; reads and changes are logged.
@Suite struct RepositoryPagesTests {
    @Test func cardsAreRecordedFoundChangedAndKeptFromOutsiders() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await AlertProofAndRightsTests.tokens(
                ["dk.alerts", "si.alerts", "dk.services", "operator", "si.nimic"], client, users, clock: clock)
            func api(_ method: HTTPRequest.Method, _ path: String, _ user: String, _ body: String? = nil) async throws -> TestResponse {
                try await client.api(method, "/api/v1/repositories" + path, tokens[user]!, body)
            }
            let listed = try await api(.get, "", "dk.alerts").json()["repositories"] as? [[String: Any]]
            #expect(listed?.first { $0["code"] as? String == "professional-cards" }?["maintains"] as? Bool == true)
            #expect((try await api(.get, "", "operator").json()["repositories"] as? [[String: Any]])?.isEmpty == true)

            let values =
                #"{"values":{"card-number":"EPC-DK-2026-000777","family-names":"Østergaard","given-names":"Sofie","date-of-birth":"1988-04-01","profession":"pharmacist","purpose":"establishment","issued-by":"Styrelsen for Patientsikkerhed","host-state":"SI","issued-on":"2026-10-01","status":"valid"}}"#
            let refused = try await api(
                .post, "/professional-cards/records", "dk.alerts", values.replacingOccurrences(of: "\"pharmacist\"", with: "\"wizard\""))
            #expect(refused.status == .unprocessableContent && refused.text.contains("values.profession"), "\(refused.text)")
            #expect(try await api(.post, "/professional-cards/records", "dk.services", values).status == .notFound, "not a reader")
            let created = try await api(.post, "/professional-cards/records", "dk.alerts", values)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? String)
            let stored = try #require(
                try await platform.database.sql.raw("SELECT content FROM repository_record WHERE id = \(bind: id)").first()?
                    .decode(column: "content", as: String.self))
            #expect(!stored.contains("Østergaard"), "values are sealed at rest")

            // Found by the card's number and by the holder's name, case and accents aside, by the area's authorities.
            let byNumber = try await api(.get, "/professional-cards/records?field=card-number&value=epc-dk-2026-000777", "si.alerts")
            #expect((try byNumber.json()["records"] as? [[String: Any]])?.count == 1, "\(byNumber.text)")
            let byCoordinator = try await api(
                .get, "/professional-cards/records?field=card-number&value=EPC%20DK%202026%20000777", "si.nimic")
            #expect((try byCoordinator.json()["records"] as? [[String: Any]])?.count == 1)
            // Names are not searchable: nobody harvests the cards of a common surname.
            let byName = try await api(.get, "/professional-cards/records?field=family-names&value=%C3%98stergaard", "si.alerts")
            #expect(byName.status == .unprocessableContent)
            // A card number is recorded once in the whole register.
            let twice = try await api(
                .post, "/professional-cards/records", "si.alerts", values.replacingOccurrences(of: "Sofie", with: "Eva"))
            #expect(twice.status == .notFound || twice.status == .conflict, "\(twice.status)")
            let again = try await api(.post, "/professional-cards/records", "dk.alerts", values)
            #expect(again.status == .conflict && again.text.contains("values.card-number"), "\(again.text)")
            #expect(try await api(.get, "/professional-cards/records/\(id)", "si.alerts").text.contains("Østergaard"))
            for outsider in ["dk.services", "operator"] {
                let response = try await api(.get, "/professional-cards/records/\(id)", outsider)
                #expect(response.status == .notFound && !response.text.contains("Østergaard"), "\(outsider)")
            }

            // Only the keeping authority changes it; the earlier version stays.
            let change = values.replacingOccurrences(of: "\"valid\"", with: "\"suspended\"").replacingOccurrences(
                of: "}}", with: "},\"version\":1}")
            #expect(try await api(.put, "/professional-cards/records/\(id)", "si.alerts", change).status == .forbidden)
            let changed = try await api(.put, "/professional-cards/records/\(id)", "dk.alerts", change)
            let versions = try changed.json()["versions"] as? [[String: Any]]
            #expect(changed.status == .ok && versions?.count == 2, "\(changed.text)")
            #expect(try await api(.put, "/professional-cards/records/\(id)", "dk.alerts", change).status == .conflict)
            // Designating is the national coordinator's, for its own state's authorities.
            let danish = try #require(users["dk.alerts"]?.organisationId)
            #expect(try await api(.put, "/professional-cards/maintainers/\(danish)", "si.nimic").status == .forbidden)

            let logged = try await platform.database.sql.raw(
                "SELECT purpose FROM access_log WHERE request_id = \(bind: id)"
            ).all().map { try $0.decode(column: "purpose", as: String.self) }
            #expect(Set(logged) == ["repository:record", "repository:search", "repository:read", "repository:change"], "\(logged)")
        }
    }

    @Test func thePagesSearchAndKeepWhatWasTyped() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let si = try await RequestPagesTests.Browser.signIn(client, users["si.alerts"]!, clock: clock)
            let list = try await si.get("/repositories?lang=sl")
            #expect(list.status == .ok && list.text.contains("/repositories/professional-cards"))
            let found = try await si.get("/repositories/professional-cards?field=card-number&value=epc-dk-2026-000101")
            #expect(found.status == .ok && found.text.contains("EPC-DK-2026-000101"), "a demo card is found")
            let none = try await si.get("/repositories/professional-cards?field=card-number&value=nothing")
            #expect(none.text.contains("no-results"))
            let refused = try await si.post(
                "/repositories/professional-cards/records", [("values.card-number", "EPC-SI-2026-000099"), ("values.family-names", "Kos")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("EPC-SI-2026-000099"))
            let outsider = try await RequestPagesTests.Browser.signIn(client, users["dk.services"]!, clock: clock)
            #expect(try await outsider.get("/repositories/professional-cards").status == .notFound)
        }
    }
}
