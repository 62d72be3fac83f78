import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import SQLKit
import Testing

@testable import OpenIMIWeb

/// The request pages in a browser's place: drafting through the form, attachments, steps, the
/// inbox with its highlighting and notifications, and allocation.
@Suite struct RequestPagesTests {
    /// A browser session: cookie and CSRF token.
    struct Browser {
        let client: any TestClientProtocol
        let session: String
        let csrf: String

        func get(_ uri: String) async throws -> TestResponse {
            try await client.execute(uri: uri, method: .get, headers: [.cookie: "openimi_session=\(session)"])
        }

        func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
            let body = ([("_csrf", csrf)] + fields).map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
            return try await client.execute(
                uri: uri, method: .post,
                headers: [.cookie: "openimi_session=\(session)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: body))
        }

        func upload(_ uri: String, name: String, content: [UInt8]) async throws -> TestResponse {
            let boundary = "----openimi\(UUID().uuidString.prefix(8))"
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            body.writeBytes(content)
            body.writeString("\r\n--\(boundary)--\r\n")
            return try await client.execute(
                uri: uri, method: .post,
                headers: [.cookie: "openimi_session=\(session)", .contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
        }

        static func encode(_ text: String) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }

        static func signIn(_ client: any TestClientProtocol, _ user: DemoCredential, clock: ManualClock) async throws -> Browser {
            let signedIn = try await SignInWebTests.webSignIn(client, user, clock: clock)
            return Browser(client: client, session: signedIn.session, csrf: signedIn.csrf)
        }
    }

    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    @Test func aDraftIsWrittenAttachedAndSentThroughThePages() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let dk = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let newPage = try await dk.get("/requests/new?procedure=pq-information-request&state=SI&lang=da")
            #expect(newPage.status == .ok && newPage.text.contains("Medical Chamber of Slovenia"), "\(newPage.text.prefix(300))")
            #expect(newPage.text.contains("Personoplysninger"), "personal-data fields carry a visible marker")
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let deadline = DateText.day(clock.now().addingTimeInterval(10 * 86_400))
            let created = try await dk.post(
                "/requests",
                [
                    ("procedure", "pq-information-request"), ("responderId", zbornica), ("subjectKind", "person"),
                    ("givenNames", "Astrid"), ("familyNames", "Lindqvist"), ("dateOfBirth", "1981-04-02"), ("nationalities", "dk"),
                    ("identifier", "0204811234"), ("question:legally-established", "yes"), ("question:diploma-authentic", "yes"),
                    ("freeText", "Hun søger autorisation som sygeplejerske"), ("freeTextLanguage", "da"), ("deadline", deadline),
                ])
            #expect(created.status == .seeOther, "\(created.text.prefix(500))")
            let location = try #require(created.headers[.location])
            #expect(location.hasSuffix("?done=created"), "the page confirms what happened")
            let id = String(location.dropFirst("/requests/".count).prefix { $0 != "?" })
            var page = try await dk.get(location + "&lang=da")
            #expect(page.status == .ok && page.text.contains("Astrid") && page.text.contains("Lindqvist"))
            #expect(page.text.contains("Kladden er gemt"), "the confirmation says what happened and what next")
            let number = try #require(page.text.firstMatch(of: /id="request-number">(DK-\d{4}-\d{6})</)?.1).description
            #expect(page.text.contains("<title>\(number) · "), "the number titles the page")
            #expect(page.text.contains("dansk"), "free text shows its original language")

            // Attachments: the content decides, not the name.
            let refused = try await dk.upload("/requests/\(id)/attachments", name: "diploma.pdf", content: Array("MZ not a pdf".utf8))
            #expect(refused.status == .unsupportedMediaType && refused.headers[.contentType]?.hasPrefix("text/html") == true)
            let attached = try await dk.upload("/requests/\(id)/attachments", name: "eksamensbevis.pdf", content: Self.pdf)
            #expect(attached.status == .seeOther, "\(attached.text.prefix(300))")
            let stored = try await database.sql.select().column("name").column("sha256").from("request_attachment").all()
            #expect(stored.count == 1)
            page = try await dk.get(location)
            let href = try #require(page.text.firstMatch(of: /href="(\/requests\/[^"]+\/attachments\/[^"]+)"/)?.1).description
            let download = try await dk.get(href)
            #expect(download.status == .ok && Array(buffer: download.body) == Self.pdf)
            #expect(download.headers[.contentType] == "application/pdf")

            // Send; the Slovenian inbox is told, and an e-mail with only a link waits in the outbox.
            let version = try #require(page.text.firstMatch(of: /name="version" value="(\d+)"/)?.1).description
            let sent = try await dk.post("/requests/\(id)/steps", [("action", "send"), ("version", version), ("comment", "")])
            #expect(sent.status == .seeOther, "\(sent.text.prefix(300))")
            let si = try await Browser.signIn(client, users["si.handler"]!, clock: clock)
            let inbox = try await si.get("/requests?lang=sl")
            #expect(inbox.text.contains("/requests/\(id)") && inbox.text.contains("Vašemu organu je bil poslan nov zahtevek"))
            #expect(!inbox.text.contains("Astrid"), "the inbox shows no personal data")
            let mail = try await database.sql.select().columns("recipient", "request_id", "action").from("mail_outbox")
                .where("request_id", .equal, id).all()
            let actions = try mail.map { try $0.decode(column: "action", as: String.self) }
            #expect(!actions.isEmpty && actions.allSatisfy { $0 == "send" })

            // The allocator routes it to the handler, whose "mine" view then lists it.
            let allocator = try await Browser.signIn(client, users["si.allocator"]!, clock: clock)
            let allocatorPage = try await allocator.get("/requests/\(id)")
            let currentVersion = try #require(allocatorPage.text.firstMatch(of: /name="version" value="(\d+)"/)?.1).description
            let handlerID = try #require(
                try await database.sql.select().column("id").from("user_account").where("username", .equal, "si.handler").first()?
                    .decode(column: "id", as: String.self))
            let allocated = try await allocator.post(
                "/requests/\(id)/allocation", [("handlerId", handlerID), ("version", currentVersion)])
            #expect(allocated.status == .seeOther, "\(allocated.text.prefix(300))")
            let mine = try await si.get("/requests?mine=true")
            #expect(mine.text.contains("/requests/\(id)"))

            // A stale form is refused with a conflict and changes nothing.
            let stale = try await si.post("/requests/\(id)/steps", [("action", "accept"), ("version", version)])
            #expect(stale.status == .conflict)
            let accepted = try await si.post(
                "/requests/\(id)/steps", [("action", "accept"), ("version", "\(Int(currentVersion)! + 1)"), ("comment", "Vi preverjamo")])
            #expect(accepted.status == .seeOther, "\(accepted.text.prefix(400))")
            var siPage = try await si.get("/requests/\(id)")
            #expect(siPage.text.contains("answers-form") && siPage.text.contains("attach-form"))
            #expect(siPage.text.contains(number), "both sides see the same number")

            // One answer form: sending with a question unanswered is refused with the typed answer
            // kept, the missing question named beside it and in the summary, and nothing saved.
            var answerVersion = try #require(siPage.text.firstMatch(of: /name="version" value="(\d+)"/)?.1).description
            let refusedSend = try await si.post(
                "/requests/\(id)/answers?lang=sl",
                [("version", answerVersion), ("value:legally-established", "yes"), ("intent", "send")])
            #expect(refusedSend.status == .unprocessableContent, "\(refusedSend.status)")
            #expect(refusedSend.text.contains("error-summary") && refusedSend.text.contains("href=\"#question-diploma-authentic\""))
            #expect(refusedSend.text.contains("question-diploma-authentic-error"))
            #expect(refusedSend.text.contains(#"value="yes" checked"#), "the answer typed is kept")
            #expect(refusedSend.text.contains("id=\"nav-account\""), "the session stays visible")
            let unchanged = try await database.sql.select().column("version").from("information_request").where("id", .equal, id).first()
            #expect(try unchanged?.decode(column: "version", as: Int.self) == Int(answerVersion))
            // A draft save keeps one answer; the send with both then goes through.
            let saved = try await si.post(
                "/requests/\(id)/answers", [("version", answerVersion), ("value:legally-established", "yes"), ("intent", "save")])
            #expect(saved.status == .seeOther && saved.headers[.location]?.hasSuffix("done=answers-saved") == true)
            siPage = try await si.get("/requests/\(id)")
            answerVersion = try #require(siPage.text.firstMatch(of: /name="version" value="(\d+)"/)?.1).description
            let sentAnswer = try await si.post(
                "/requests/\(id)/answers",
                [("version", answerVersion), ("value:legally-established", "yes"), ("value:diploma-authentic", "yes"), ("intent", "send")])
            #expect(sentAnswer.status == .seeOther && sentAnswer.headers[.location]?.hasSuffix("done=answer") == true)
            siPage = try await si.get("/requests/\(id)")
            #expect(siPage.text.contains("data-state=\"Answered\"") || siPage.text.contains("state-answered"))
            // The history names the people, the allocation whom it went to, and times in the user's zone.
            #expect(siPage.text.contains("Allocated to: ") && siPage.text.contains(" UTC+0"), "\(siPage.text.suffix(3000))")
        }
    }

    @Test func theInboxHighlightsOverdueAndNearlyDueRequests() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            // The demo requests are due 21 days after they started ten days ago: 11 days left.
            clock.advance(by: 9 * 86_400)
            let dk = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            var inbox = try await dk.get("/requests")
            #expect(inbox.text.contains("data-status=\"due-soon\""), "due within three days")
            #expect(!inbox.text.contains("data-status=\"overdue\""))
            clock.advance(by: 3 * 86_400)
            let later = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            inbox = try await later.get("/requests?lang=da")
            #expect(inbox.text.contains("data-status=\"overdue\"") && inbox.text.contains("Fristen er overskredet"))
        }
    }
}
