import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIWeb

/// The signed PDF report of an exchange, checked with poppler (pdfsig, pdftotext) and our verifiers:
/// each involved authority reads it in its own language, with Greek and Bulgarian free text intact.
@Suite struct ExchangeReportTests {
    static let greekName = "Νικόλαος Παπαδόπουλος"
    static let bulgarian = "Лекарят е регистриран в България до 2027 г."
    static let slovenianAnswer = "Zdravnik ima veljavno licenco, izdano v Ljubljani."

    @Test func eachPartyReadsTheSignedReportInItsLanguage() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let outsider = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            let id = try await Self.answeredRequest(
                client, from: dk, to: si, responder: try #require(users["si.handler"]?.organisationId), clock: clock)

            let danish = try await client.execute(
                uri: "/api/v1/requests/\(id)/report", method: .get, headers: [.authorization: "Bearer \(dk)", .acceptLanguage: "da"])
            #expect(danish.status == .ok && danish.headers[.contentType] == "application/pdf")
            let pdf = [UInt8](buffer: danish.body)
            let slovenian = try await client.execute(
                uri: "/api/v1/requests/\(id)/report", method: .get, headers: [.authorization: "Bearer \(si)", .acceptLanguage: "sl"])

            // One changed byte of the signed range breaks the signature for us (and for pdfsig below).
            var tampered = pdf
            let at = try #require(Self.find("/Lang ", in: tampered)) + 7
            tampered[at] ^= 0x01
            let identity = try platform.keys.current()
            let verifier = PDFSignatureVerifier(trusted: identity.certificate)
            await #expect(throws: PDFSignatureFailure.self) { try await verifier.verify(tampered) }

            // The embedded evidence verifies and proves this very download.
            let evidence = try await verifier.verifiedEmbeddedFile(in: pdf, mediaType: "application/jose")
            let summary = try ExchangeEvidenceVerifier(trusted: identity.certificate).verify(String(decoding: evidence, as: UTF8.self))
            #expect(summary.request == id)
            let payload = String(
                decoding: try #require(CompactJWS(serialized: String(decoding: evidence, as: UTF8.self))).payload, as: UTF8.self)
            #expect(payload.contains("api:get-report") && !payload.contains("Νικόλαος"))

            let logged = try await platform.database.sql.raw(
                "SELECT fields FROM access_log WHERE request_id = \(bind: id) AND purpose = 'api:get-report'"
            ).all().map { try $0.decode(column: "fields", as: String.self) }
            #expect(
                logged.count == 2 && logged.allSatisfy { $0.contains("subject") }, "each report is logged as a read of the personal data")
            // The request page links the report; the link serves it to the signed-in browser.
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let page = try await browser.get("/requests/\(id)?lang=da")
            #expect(page.text.contains("href=\"/requests/\(id)/report\"") && page.text.contains("rapport med digital underskrift (PDF)"))
            let linked = try await browser.get("/requests/\(id)/report?lang=da")
            #expect(linked.status == .ok && linked.headers[.contentType] == "application/pdf")

            let stranger = try await client.execute(
                uri: "/api/v1/requests/\(id)/report", method: .get, headers: [.authorization: "Bearer \(outsider)"])
            #expect(stranger.status == .notFound)

            // From the outside: poppler validates the signature, refuses the changed copy and reads every script.
            let path = try ExternalTool.temporaryFile(pdf, name: "report-da.pdf")
            let signature = try ExternalTool.run("pdfsig", [path])
            #expect(signature.output.contains("Signature Validation: Signature is Valid."), "\(signature.output)")
            let broken = try ExternalTool.run("pdfsig", [try ExternalTool.temporaryFile(tampered, name: "tampered.pdf")])
            #expect(broken.output.contains("Digest Mismatch."), "\(broken.output)")
            let words = try Self.words(path)
            for expected in [
                "Rapport om informationsudvekslingen", "Er personen lovligt etableret i din medlemsstat", Self.greekName, Self.bulgarian,
                Self.slovenianAnswer, "originalsprog: slovenščina", "Direktiv 2005/36/EF", "diploma.pdf",
            ] {
                #expect(words.contains(expected), "the Danish report lacks \(expected)")
            }
            let slovenianWords = try Self.words(try ExternalTool.temporaryFile([UInt8](buffer: slovenian.body), name: "report-sl.pdf"))
            for expected in [
                "Poročilo o izmenjavi informacij", "Ali ima oseba v vaši državi članici zakonit sedež", Self.greekName, Self.bulgarian,
            ] {
                #expect(slovenianWords.contains(expected), "the Slovenian report lacks \(expected)")
            }
            #expect(try Self.words(try ExternalTool.temporaryFile([UInt8](buffer: linked.body), name: "linked.pdf")).contains("Rapport om"))
            // Greek and Bulgarian readers get the whole report in their script.
            for (language, title) in [("el", "Έκθεση για την ανταλλαγή πληροφοριών"), ("bg", "Отчет за обмена на информация")] {
                let report = try await client.execute(
                    uri: "/api/v1/requests/\(id)/report", method: .get,
                    headers: [.authorization: "Bearer \(si)", .acceptLanguage: language])
                #expect(report.status == .ok)
                let read = try Self.words(try ExternalTool.temporaryFile([UInt8](buffer: report.body), name: "report-\(language).pdf"))
                #expect(read.contains(title) && read.contains(Self.greekName), "the \(language) report lacks \(title)")
            }
        }
    }

    @Test func withoutAFontTheReportIsRefusedAndNothingIsLogged() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock, fontDirectory: "/nonexistent/fonts") { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let id =
                try #require(try await client.api(.get, "/api/v1/requests?state=closed", dk).json()["requests"] as? [[String: Any]])
                .first?["id"] as? String
            let request = try #require(id)
            let before = try await Self.logCount(platform)
            let refused = try await client.api(.get, "/api/v1/requests/\(request)/report", dk)
            #expect(refused.status == .serviceUnavailable)
            #expect(try refused.json()["type"] as? String == "urn:openimi:problem:report-unavailable")
            #expect(try await Self.logCount(platform) == before)
            // The JSON evidence does not need the font.
            #expect(try await client.api(.get, "/api/v1/requests/\(request)/evidence", dk).status == .ok)
        }
    }

    @Test func theServerDoesNotStartWithoutAFontAndSaysWhere() async throws {
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        var config = TestApp.config(location, demo: false)
        config.fontDirectory = "/nonexistent/fonts"
        defer { try? FileManager.default.removeItem(atPath: config.keyDirectory) }
        await #expect {
            _ = try await buildApplication(config: config)
        } throws: { error in
            let text = "\(error)"
            return text.contains("OPENIMI_FONT_DIRECTORY") && text.contains("/nonexistent/fonts/DejaVuSans.ttf")
        }
    }

    /// A request from Denmark to Slovenia about a Greek-named person with Bulgarian free text, an
    /// attachment, accepted and answered in Slovenian.
    static func answeredRequest(
        _ client: any TestClientProtocol, from dk: String, to si: String, responder: String, clock: ManualClock
    ) async throws -> String {
        let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(14 * 86_400))
        let created = try await client.api(
            .post, "/api/v1/requests", dk,
            #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"person","givenNames":"Νικόλαος","familyNames":"Παπαδόπουλος","dateOfBirth":"1975-04-12","nationalities":["GR"]},"questions":["legally-established","comments"],"freeText":{"text":"\#(bulgarian)","language":"bg"},"deadline":"\#(deadline)"}"#
        )
        let id = try #require(try created.json()["id"] as? String, "\(created.text)")
        let attached = try await client.execute(
            uri: "/api/v1/requests/\(id)/attachments?name=diploma.pdf", method: .post, headers: [.authorization: "Bearer \(dk)"],
            body: ByteBuffer(string: "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"))
        #expect(attached.status == .created)
        var version = try #require(try await client.api(.get, "/api/v1/requests/\(id)", dk).json()["version"] as? Int)
        for (token, action) in [(dk, "send"), (si, "accept")] {
            let stepped = try await client.api(
                .post, "/api/v1/requests/\(id)/steps", token, #"{"action":"\#(action)","version":\#(version)}"#)
            version = try #require(try stepped.json()["version"] as? Int, "\(stepped.text)")
        }
        for (question, body) in [
            ("legally-established", #"{"value":"yes","version":\#(version)}"#),
            ("comments", #"{"value":"\#(slovenianAnswer)","language":"sl","version":\#(version + 1)}"#),
        ] {
            let answered = try await client.api(.put, "/api/v1/requests/\(id)/answers/\(question)", si, body)
            #expect(answered.status == .ok, "\(answered.text)")
        }
        return id
    }

    static func words(_ path: String) throws -> String {
        let text = try ExternalTool.run("pdftotext", [path, "-"])
        return text.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func find(_ text: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(text.utf8)
        return (0...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    static func logCount(_ platform: Platform) async throws -> Int {
        try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM access_log").first()?.decode(column: "n", as: Int.self) ?? -1
    }
}
