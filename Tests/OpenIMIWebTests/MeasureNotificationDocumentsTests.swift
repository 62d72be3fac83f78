import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit
import Testing

@testable import OpenIMIWeb

/// The documents of a notification and the notices its steps give, on the demo data: a Danish
/// services authority attaches documents to its draft and sends it to Slovenia; only the parties
/// read the documents, every download is logged, and the inboxes and e-mails name the number only.
@Suite struct MeasureNotificationDocumentsTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]

    @Test func documentsBelongToTheDraftAndArePartiesOnlyWithEveryDownloadLogged() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await AlertProofAndRightsTests.tokens(
                ["dk.services", "si.services", "de.services", "operator"], client, users, clock: clock)
            func api(_ method: HTTPRequest.Method, _ path: String, _ user: String, _ body: String? = nil) async throws -> TestResponse {
                try await client.api(method, "/api/v1/measure-notifications" + path, tokens[user]!, body)
            }
            func upload(_ id: String, _ name: String, _ content: [UInt8], as user: String = "dk.services") async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/measure-notifications/\(id)/attachments?name=\(name)", method: .post,
                    headers: [.authorization: "Bearer \(tokens[user]!)"], body: ByteBuffer(bytes: content))
            }
            let created = try await api(
                .post, "", "dk.services",
                #"{"procedure":"services-notification","title":"Insurance for architects","text":"New duty.","language":"en"}"#)
            let id = try #require(try created.json()["id"] as? String)

            let first = try await upload(id, "act.pdf", RequestPagesTests.pdf)
            #expect(first.status == .created, "\(first.text)")
            let attachment = try #require(try first.json()["id"] as? String)
            #expect(first.headers[.location] == "/api/v1/measure-notifications/\(id)/attachments/\(attachment)")
            #expect(try await upload(id, "act.pdf", RequestPagesTests.pdf, as: "si.services").status == .notFound, "not a party yet")
            #expect(try await upload(id, "note.txt", Array("plain text".utf8)).status == .unsupportedMediaType)
            #expect(try await upload(id, "", RequestPagesTests.pdf).status == .badRequest)
            #expect(try await upload(id, "..%2Fact.pdf", RequestPagesTests.pdf).status == .unprocessableContent, "no path in a name")
            for number in 2...MeasureNotification.maximumAttachments {
                #expect(try await upload(id, "annex-\(number).png", Self.png).status == .created)
            }
            let tooMany = try await upload(id, "one-more.pdf", RequestPagesTests.pdf)
            #expect(tooMany.status == .unprocessableContent && tooMany.text.contains("too-many-attachments"), "\(tooMany.text)")
            // Uploads in the same second are ordered by their random ids: remove one that is not the PDF read below.
            let last = try #require(
                (try await api(.get, "/\(id)/attachments", "dk.services").json()["attachments"] as? [[String: Any]])?
                    .compactMap { $0["id"] as? String }.last { $0 != attachment })
            #expect(try await api(.delete, "/\(id)/attachments/\(last)", "dk.services").status == .noContent)
            #expect(try await api(.delete, "/\(id)/attachments/\(last)", "dk.services").status == .notFound)

            let version = try #require(try await api(.get, "/\(id)", "dk.services").json()["version"] as? Int)
            #expect(version == 1 + MeasureNotification.maximumAttachments + 1, "every attachment and removal moves the version on")
            let sent = try await api(.post, "/\(id)/steps", "dk.services", #"{"action":"send","version":\#(version),"recipients":["SI"]}"#)
            #expect(sent.status == .ok, "\(sent.text)")
            let fixed = try await upload(id, "late.pdf", RequestPagesTests.pdf)
            #expect(fixed.status == .unprocessableContent && fixed.text.contains("attachments-fixed"), "\(fixed.text)")
            #expect(try await api(.delete, "/\(id)/attachments/\(attachment)", "dk.services").status == .unprocessableContent)

            let listed = try await api(.get, "/\(id)/attachments", "si.services").json()["attachments"] as? [[String: Any]]
            #expect(listed?.count == MeasureNotification.maximumAttachments - 1)
            let download = try await api(.get, "/\(id)/attachments/\(attachment)", "si.services")
            #expect(download.status == .ok && Array(buffer: download.body) == RequestPagesTests.pdf, "\(download.status) \(download.text)")
            #expect(download.headers[.contentType] == "application/pdf" && download.headers[.cacheControl] == "no-store")
            #expect(download.headers[.contentDisposition]?.contains("act.pdf") == true)
            for outsider in ["de.services", "operator"] {
                #expect(try await api(.get, "/\(id)/attachments/\(attachment)", outsider).status == .notFound, "\(outsider)")
                #expect(try await api(.get, "/\(id)/attachments", outsider).status == .notFound, "\(outsider)")
            }
            let logged = try await platform.database.sql.raw(
                "SELECT purpose, content_digest FROM access_log WHERE request_id = \(bind: id) ORDER BY at"
            ).all().map { (try $0.decode(column: "purpose", as: String.self), try $0.decode(column: "content_digest", as: String?.self)) }
            #expect(logged.filter { $0.0 == "notification:attach" }.count == MeasureNotification.maximumAttachments)
            #expect(logged.filter { $0.0 == "notification:detach" }.count == 1)
            let read = try #require(logged.first { $0.0 == "api:get-attachment" })
            #expect(read.1 == (try first.json()["sha256"] as? String), "the read is logged with the content's digest")
        }
    }

    @Test func stepsTellThePartiesInboxesAndMailNamingTheNumberOnly() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await AlertProofAndRightsTests.tokens(
                ["dk.services", "si.services", "de.services"], client, users, clock: clock)
            func api(_ method: HTTPRequest.Method, _ path: String, _ user: String, _ body: String? = nil) async throws -> TestResponse {
                try await client.api(method, "/api/v1/measure-notifications" + path, tokens[user]!, body)
            }
            let created = try await api(
                .post, "", "dk.services",
                #"{"procedure":"services-notification","title":"Secret-looking title","text":"New duty.","language":"en"}"#)
            let id = try #require(try created.json()["id"] as? String)
            let number = try #require(try created.json()["number"] as? String)
            _ = try await api(.post, "/\(id)/steps", "dk.services", #"{"action":"send","version":1,"recipients":["SI"]}"#)
            let sql = platform.database.sql
            func told(_ action: String) async throws -> Set<String> {
                Set(
                    try await sql.raw(
                        """
                        SELECT o.member_state FROM measure_notification_notice n
                        JOIN (SELECT id, member_state FROM authority UNION ALL SELECT id, member_state FROM coordinator) o ON o.id = n.organisation_id
                        WHERE n.notification_id = \(bind: id) AND n.action = \(bind: action)
                        """
                    ).all().map { try $0.decode(column: "member_state", as: String.self) })
            }
            #expect(try await told("send") == ["SI"], "Slovenia's coordinators and services authorities, nobody else")
            let mail = try await MailOutbox(sql: sql).pending().filter { $0.notificationId == id }
            #expect(!mail.isEmpty && mail.allSatisfy { $0.action == "measure-send" && $0.number == number })
            let job = MailDelivery(
                database: platform.database, settings: MailSettings(smtpHost: "127.0.0.1", smtpPort: 1, from: "imi@platform.example"),
                publicURL: "https://imi.example.org", catalogs: try Catalogs.bundled(), logger: Logger(label: "test"))
            let (subject, body) = job.render(try #require(mail.first), procedures: try await RegistryRepository(sql: sql).procedureNames())
            #expect(subject.contains(number) && body.contains("https://imi.example.org/notifications/\(id)"))
            #expect(!subject.contains("Secret") && !body.contains("Secret"), "the title stays out of e-mails")

            let si = try await RequestPagesTests.Browser.signIn(client, users["si.services"]!, clock: clock)
            let page = try await si.get("/notifications?lang=en")
            #expect(page.text.contains(#"id="notification-notices""#) && page.text.contains(number))
            let de = try await RequestPagesTests.Browser.signIn(client, users["de.services"]!, clock: clock)
            #expect(!(try await de.get("/notifications?lang=en")).text.contains(number))

            _ = try await api(.post, "/\(id)/steps", "si.services", #"{"action":"comment","version":2,"comment":"Noted."}"#)
            #expect(try await told("comment") == ["DK", "SI"], "the sender and the other Slovenian parties, not the commenter")
            let commenter = try #require(users["si.services"]?.organisationId)
            let own = try await sql.raw(
                "SELECT COUNT(*) AS n FROM measure_notification_notice WHERE notification_id = \(bind: id) AND action = 'comment' AND organisation_id = \(bind: commenter)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(own == 0)
        }
    }
}
