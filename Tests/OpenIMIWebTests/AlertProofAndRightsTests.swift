import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

/// Alerts covered as requests are: a signed PDF report for their readers only, the rights register
/// (found, exported, erased by the sender's register alone), and the supervisory export.
@Suite struct AlertProofAndRightsTests {
    /// A Danish pq alert about Mette Kjær, sent and routed to the Slovenian Medical Chamber; its id.
    static func routedAlert(
        _ client: any TestClientProtocol, _ tokens: [String: String], chamber: String
    ) async throws -> String {
        let body = try String(
            decoding: JSONSerialization.data(
                withJSONObject: ["procedure": "pq-alert", "values": AlertServiceTests.values, "language": "da"]), as: UTF8.self)
        let created = try await client.api(.post, "/api/v1/alerts", tokens["dk.alerts"]!, body)
        let id = try #require(try created.json()["id"] as? String, "\(created.text)")
        let sent = try await client.api(.post, "/api/v1/alerts/\(id)/steps", tokens["dk.alerts"]!, #"{"action":"send","version":1}"#)
        let version = try #require(try sent.json()["version"] as? Int, "\(sent.text)")
        let routed = try await client.api(
            .post, "/api/v1/alerts/\(id)/steps", tokens["si.nimic"]!,
            #"{"action":"route","version":\#(version),"authorities":["\#(chamber)"]}"#)
        #expect(routed.status == .ok, "\(routed.text)")
        return id
    }

    static func tokens(
        _ names: [String], _ client: any TestClientProtocol, _ users: [String: DemoCredential], clock: ManualClock
    ) async throws -> [String: String] {
        var tokens: [String: String] = [:]
        for name in names { tokens[name] = try await TestApp.apiToken(client, users[name]!, clock: clock) }
        return tokens
    }

    @Test func theSignedReportOfAnAlertIsForItsReadersAndVerifies() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await Self.tokens(
                ["dk.alerts", "si.nimic", "si.alerts", "de.alerts", "operator"], client, users, clock: clock)
            let id = try await Self.routedAlert(client, tokens, chamber: try #require(users["si.alerts"]?.organisationId))
            func report(_ user: String, _ language: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/alerts/\(id)/report", method: .get,
                    headers: [.authorization: "Bearer \(tokens[user]!)", .acceptLanguage: language])
            }
            let danish = try await report("dk.alerts", "da")
            #expect(danish.status == .ok && danish.headers[.contentType] == "application/pdf", "\(danish.status)")
            let slovenian = try await report("si.alerts", "sl")
            #expect(slovenian.status == .ok)
            // The coordinator who routed it, other states' alert handlers and the operator get no report.
            for outsider in ["si.nimic", "de.alerts", "operator"] {
                let refused = try await report(outsider, "en")
                #expect(refused.status != .ok && refused.headers[.contentType] == "application/problem+json", "\(outsider)")
            }
            let pdf = [UInt8](buffer: danish.body)
            let identity = try platform.keys.current()
            let verifier = PDFSignatureVerifier(trusted: identity.certificate)
            let evidence = try await verifier.verifiedEmbeddedFile(in: pdf, mediaType: "application/jose")
            let summary = try ExchangeEvidenceVerifier(trusted: identity.certificate).verify(String(decoding: evidence, as: UTF8.self))
            #expect(summary.request == id && summary.kind == "alert")
            // Each download is logged as a read of the content.
            let logged = try await platform.database.sql.raw(
                "SELECT fields FROM access_log WHERE request_id = \(bind: id) AND purpose = 'api:get-report'"
            ).all().map { try $0.decode(column: "fields", as: String.self) }
            #expect(logged.count == 2 && logged.allSatisfy { $0.contains("contents") })
            // The alert page links it for a reader, never for the coordinator.
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.alerts"]!, clock: clock)
            #expect(try await browser.get("/alerts/\(id)").text.contains("/alerts/\(id)/report"))
            let coordinator = try await RequestPagesTests.Browser.signIn(client, users["si.nimic"]!, clock: clock)
            #expect(!(try await coordinator.get("/alerts/\(id)").text.contains("/report")))
            // From the outside: poppler validates the signature and reads the Danish text.
            let path = try ExternalTool.temporaryFile(pdf, name: "alert-report-da.pdf")
            #expect(try ExternalTool.run("pdfsig", [path]).output.contains("Signature Validation: Signature is Valid."))
            let text = try ExternalTool.run("pdftotext", [path, "-"]).output
            #expect(text.contains("Kjær") && text.contains("A-DK-"), "\(text.prefix(400))")
        }
    }

    @Test func theRightsRegisterFindsExportsAndOnlyTheSenderErasesAnAlert() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await Self.tokens(["dk.alerts", "si.nimic", "si.alerts", "dk.admin", "si.admin"], client, users, clock: clock)
            let id = try await Self.routedAlert(client, tokens, chamber: try #require(users["si.alerts"]?.organisationId))
            let received = DataSubjectRightsTests.day(clock.now())
            func entry(_ admin: String, _ kind: String) async throws -> String {
                let created = try await client.api(
                    .post, "/api/v1/rights-requests", tokens[admin]!,
                    #"{"kind":"\#(kind)","subject":{"kind":"person","givenNames":"Mette","familyNames":"Kjær","dateOfBirth":"1979-11-03"},"identification":"Passport checked","language":"da","receivedOn":"\#(received)"}"#
                )
                return try #require(try created.json()["id"] as? String, "\(created.text)")
            }
            // The sender's register and the routed authority's register both find it and export its content.
            let danish = try await entry("dk.admin", "erasure")
            let slovenian = try await entry("si.admin", "erasure")
            for (admin, entryID) in [("dk.admin", danish), ("si.admin", slovenian)] {
                let data = try await client.api(.get, "/api/v1/rights-requests/\(entryID)/data", tokens[admin]!)
                let alerts = try #require(try data.json()["alerts"] as? [[String: Any]], "\(data.text)")
                #expect(alerts.contains { $0["id"] as? String == id }, "\(admin)")
                let export = try await client.api(.get, "/api/v1/rights-requests/\(entryID)/export", tokens[admin]!)
                #expect(export.status == .ok && export.text.contains("May not administer controlled drugs"), "\(admin)")
            }
            let searched = try await platform.database.sql.raw(
                "SELECT COUNT(*) AS n FROM access_log WHERE request_id = \(bind: id) AND purpose LIKE 'rights:erasure:%'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect((searched ?? 0) >= 4, "every search and read for an entry is logged with it")
            // The page lists it; only the sender's erasure entry offers to erase it.
            let dkBrowser = try await RequestPagesTests.Browser.signIn(client, users["dk.admin"]!, clock: clock)
            let dkPage = try await dkBrowser.get("/rights-requests/\(danish)")
            #expect(dkPage.text.contains("rights-alerts") && dkPage.text.contains(#"name="alert" value="\#(id)""#))
            let siBrowser = try await RequestPagesTests.Browser.signIn(client, users["si.admin"]!, clock: clock)
            let siPage = try await siBrowser.get("/rights-requests/\(slovenian)")
            #expect(siPage.text.contains("rights-alerts") && !siPage.text.contains(#"name="alert""#))

            // A recipient cannot erase the sender's content; a malformed id is a 400; the sender erases it once.
            let refused = try await client.api(
                .post, "/api/v1/rights-requests/\(slovenian)/erasures", tokens["si.admin"]!, #"{"alert":"\#(id)"}"#)
            #expect(refused.status == .forbidden && refused.text.contains("not-the-sender"), "\(refused.text)")
            let malformed = try await client.api(
                .post, "/api/v1/rights-requests/\(danish)/erasures", tokens["dk.admin"]!, #"{"alert":"x"}"#)
            #expect(malformed.status == .badRequest)
            let erased = try await client.api(
                .post, "/api/v1/rights-requests/\(danish)/erasures", tokens["dk.admin"]!, #"{"alert":"\#(id)"}"#)
            #expect(erased.status == .noContent, "\(erased.text)")
            let again = try await client.api(
                .post, "/api/v1/rights-requests/\(danish)/erasures", tokens["dk.admin"]!, #"{"alert":"\#(id)"}"#)
            #expect(again.status != .noContent && again.headers[.contentType] == "application/problem+json")
            let row = try #require(
                try await platform.database.sql.raw("SELECT retention_phase, personal_data FROM alert WHERE id = \(bind: id)").first())
            #expect(try row.decode(column: "retention_phase", as: String.self) == "deleted")
            let receipt = try #require(
                try await platform.database.sql.raw("SELECT receipt FROM alert_deletion_receipt WHERE alert_id = \(bind: id)").first()?
                    .decode(column: "receipt", as: String.self))
            let payload = String(decoding: try #require(CompactJWS(serialized: receipt)).payload, as: UTF8.self)
            #expect(payload.contains(#""reason":"erasure""#))
            let routedRead = try await client.api(.get, "/api/v1/alerts/\(id)", tokens["si.alerts"]!)
            #expect(!routedRead.text.contains("Kjær"), "erased for every recipient at once")
            let afterwards = try await client.api(.get, "/api/v1/rights-requests/\(slovenian)/export", tokens["si.admin"]!)
            #expect(!afterwards.text.contains("controlled drugs"))
        }
    }

    @Test func theSendersRegisterCorrectsAnAlertForEveryRecipient() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await Self.tokens(["dk.alerts", "si.nimic", "si.alerts", "dk.admin", "si.admin"], client, users, clock: clock)
            let chamber = try #require(users["si.alerts"]?.organisationId)
            let id = try await Self.routedAlert(client, tokens, chamber: chamber)
            let received = DataSubjectRightsTests.day(clock.now())
            func entry(_ admin: String, family: String) async throws -> String {
                let created = try await client.api(
                    .post, "/api/v1/rights-requests", tokens[admin]!,
                    #"{"kind":"rectification","subject":{"kind":"person","givenNames":"Mette","familyNames":"\#(family)","dateOfBirth":"1979-11-03"},"identification":"Passport checked","language":"da","receivedOn":"\#(received)"}"#
                )
                return try #require(try created.json()["id"] as? String, "\(created.text)")
            }
            let danish = try await entry("dk.admin", family: "Kjær")
            let slovenian = try await entry("si.admin", family: "Kjær")
            let refused = try await client.api(
                .post, "/api/v1/rights-requests/\(slovenian)/corrections", tokens["si.admin"]!,
                #"{"alert":"\#(id)","field":"family-names","value":"Kjær-Holm"}"#)
            #expect(refused.status == .forbidden, "a recipient asks the sender: \(refused.text)")
            let notPersonal = try await client.api(
                .post, "/api/v1/rights-requests/\(danish)/corrections", tokens["dk.admin"]!,
                #"{"alert":"\#(id)","field":"no-such-field","value":"x"}"#)
            #expect(notPersonal.status == .unprocessableContent && notPersonal.headers[.contentType] == "application/problem+json")
            let corrected = try await client.api(
                .post, "/api/v1/rights-requests/\(danish)/corrections", tokens["dk.admin"]!,
                #"{"alert":"\#(id)","field":"family-names","value":"Kjær-Holm"}"#)
            #expect(corrected.status == .noContent, "\(corrected.text)")
            // The routed authority reads the rectified value at once, and the inaccurate one is kept in no version.
            let read = try await client.api(.get, "/api/v1/alerts/\(id)", tokens["si.alerts"]!)
            #expect(read.text.contains("Kjær-Holm"), "\(read.text.prefix(300))")
            let versions = try #require(try read.json()["versions"] as? [[String: Any]])
            #expect(versions.allSatisfy { ($0["values"] as? [String: String])?["family-names"] == "Kjær-Holm" }, "\(versions)")
            // The old name no longer finds it: the blind index was rebuilt.
            let stale = try await client.api(.get, "/api/v1/rights-requests/\(danish)/data", tokens["dk.admin"]!).json()["alerts"]
            #expect((stale as? [[String: Any]])?.contains { $0["id"] as? String == id } == false)
            let told = try await platform.database.sql.raw(
                "SELECT COUNT(*) AS n FROM alert_notification WHERE alert_id = \(bind: id) AND organisation_id = \(bind: chamber) AND action = 'amend'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(told == 1, "the routed authority is told")
            let logged = try await platform.database.sql.raw(
                "SELECT COUNT(*) AS n FROM access_log WHERE request_id = \(bind: id) AND operation = 'write' AND purpose LIKE 'rights:rectification:%:correct'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(logged == 1)
            // The blind index follows: the corrected name finds the alert.
            let renamed = try await entry("dk.admin", family: "Kjær-Holm")
            let found = try await client.api(.get, "/api/v1/rights-requests/\(renamed)/data", tokens["dk.admin"]!).json()["alerts"]
            #expect((found as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)
        }
    }

    @Test func theSupervisoryExportListsTheAuthoritiesAlertsWithoutPersonalData() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await Self.tokens(
                ["dk.alerts", "si.nimic", "dk.admin", "si.admin", "de.nimic", "de.alerts"], client, users, clock: clock)
            let chamber = try #require(users["si.alerts"]?.organisationId)
            let id = try await Self.routedAlert(client, tokens, chamber: chamber)
            // Germany routes and reads it too: the Slovenian chamber's record must not show German readers.
            let german = try #require(users["de.alerts"]?.organisationId)
            let version = try #require(try await client.api(.get, "/api/v1/alerts/\(id)", tokens["dk.alerts"]!).json()["version"] as? Int)
            let routedInGermany = try await client.api(
                .post, "/api/v1/alerts/\(id)/steps", tokens["de.nimic"]!,
                #"{"action":"route","version":\#(version),"authorities":["\#(german)"]}"#)
            #expect(routedInGermany.status == .ok, "\(routedInGermany.text)")
            #expect(try await client.api(.get, "/api/v1/alerts/\(id)", tokens["de.alerts"]!).status == .ok)
            let from = DataSubjectRightsTests.day(clock.now().addingTimeInterval(-86_400))
            let through = DataSubjectRightsTests.day(clock.now())
            func alerts(of authority: String, by admin: String, hiding hidden: String? = nil) async throws -> [[String: Any]] {
                let export = try await client.api(
                    .get, "/api/v1/authorities/\(authority)/supervisory-export?from=\(from)&through=\(through)", tokens[admin]!)
                let jws = try #require(CompactJWS(serialized: export.text), "\(export.text.prefix(200))")
                #expect(jws.isSigned(by: try platform.keys.current().privateKey.publicKey))
                #expect(!String(decoding: jws.payload, as: UTF8.self).contains("Kjær"))
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(jws.payload)) as? [String: Any])
                let entries = try #require((payload["log"] as? [String: Any])?["entries"] as? [[String: Any]])
                #expect(entries.contains { $0["request"] as? String == id }, "the alert's log entries are proved")
                if let hidden {
                    #expect(!entries.contains { $0["organisation"] as? String == hidden }, "another recipient state's entries")
                }
                return try #require(payload["alerts"] as? [[String: Any]])
            }
            let sender = try #require(users["dk.alerts"]?.organisationId)
            let sent = try #require(try await alerts(of: sender, by: "dk.admin").first { $0["id"] as? String == id })
            #expect(sent["role"] as? String == "sender" && (sent["recipientStates"] as? [String])?.count == 29)
            #expect((sent["categories"] as? [String]) == ["identification", "answers", "sanctions-data"])
            let received = try #require(try await alerts(of: chamber, by: "si.admin", hiding: german).first { $0["id"] as? String == id })
            #expect(received["role"] as? String == "recipient" && (received["recipientStates"] as? [String]) == ["SI"])
        }
    }
}
