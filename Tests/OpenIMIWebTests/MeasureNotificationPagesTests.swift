import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import SQLKit
import Testing

/// Notifications of national measures through the API and the pages, on the demo data: a Danish
/// services authority notifies Slovenia; the Slovenian coordinator and services authority read and
/// comment; Germany and the operator see nothing; the sender closes it; every step is logged.
@Suite struct MeasureNotificationPagesTests {
    @Test func aNotificationIsSentDiscussedAndClosedByItsParties() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let tokens = try await AlertProofAndRightsTests.tokens(
                ["dk.services", "si.services", "si.nimic", "de.services", "operator"], client, users, clock: clock)
            func api(_ method: HTTPRequest.Method, _ path: String, _ user: String, _ body: String? = nil) async throws -> TestResponse {
                try await client.api(method, "/api/v1/measure-notifications" + path, tokens[user]!, body)
            }
            let empty = try await api(
                .post, "", "dk.services", #"{"procedure":"services-notification","title":" ","text":"x","language":"en"}"#)
            #expect(empty.status == .unprocessableContent && empty.text.contains("title"), "\(empty.text)")
            let other = try await api(.post, "", "dk.services", #"{"procedure":"pq-alert","title":"t","text":"x","language":"en"}"#)
            #expect(other.status == .unprocessableContent && other.headers[.contentType] == "application/problem+json")
            let created = try await api(
                .post, "", "dk.services",
                #"{"procedure":"services-notification","title":"Insurance for architects","text":"From 1 March architects must hold professional liability insurance.","language":"en"}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? String)
            #expect((try created.json()["number"] as? String)?.hasPrefix("N-DK-2026-") == true)
            #expect(try await api(.get, "/\(id)", "si.nimic").status == .notFound, "a draft is the sender's alone")

            let own = try await api(.post, "/\(id)/steps", "dk.services", #"{"action":"send","version":1,"recipients":["DK"]}"#)
            #expect(own.status == .unprocessableContent && own.text.contains("recipients"))
            let sent = try await api(.post, "/\(id)/steps", "dk.services", #"{"action":"send","version":1,"recipients":["SI"]}"#)
            let sentState = try sent.json()["state"] as? String
            #expect(sent.status == .ok && sentState == "sent", "\(sent.text)")
            for reader in ["si.nimic", "si.services"] {
                #expect(try await api(.get, "/\(id)", reader).text.contains("professional liability"), "\(reader)")
            }
            for outsider in ["de.services", "operator"] {
                let refused = try await api(.get, "/\(id)", outsider)
                #expect(refused.status == .notFound && !refused.text.contains("architects"), "\(outsider)")
            }
            let commented = try await api(
                .post, "/\(id)/steps", "si.services",
                #"{"action":"comment","version":2,"comment":"Slovenia requires the same.","language":"sl"}"#)
            let comments = try commented.json()["comments"] as? [[String: Any]]
            #expect(commented.status == .ok && comments?.count == 1, "\(commented.text)")
            let stale = try await api(.post, "/\(id)/steps", "si.nimic", #"{"action":"comment","version":2,"comment":"Late."}"#)
            #expect(stale.status == .conflict)
            #expect(try await api(.post, "/\(id)/steps", "si.services", #"{"action":"close","version":3}"#).status == .forbidden)
            let closed = try await api(.post, "/\(id)/steps", "dk.services", #"{"action":"close","version":3}"#)
            let closedState = try closed.json()["state"] as? String
            #expect(closed.status == .ok && closedState == "closed")
            let afterwards = try await api(.post, "/\(id)/steps", "si.services", #"{"action":"comment","version":4,"comment":"More."}"#)
            #expect(afterwards.status == .forbidden)

            let received = try await api(.get, "", "si.services").json()["received"] as? [[String: Any]]
            #expect(received?.contains { $0["id"] as? String == id } == true)
            let ownList = try await api(.get, "", "dk.services").json()["sent"] as? [[String: Any]]
            #expect(ownList?.contains { $0["id"] as? String == id } == true)
            #expect(
                (try await api(.get, "", "de.services").json()["received"] as? [[String: Any]])?.contains { $0["id"] as? String == id }
                    == false)
            let logged = try await platform.database.sql.raw(
                "SELECT purpose FROM access_log WHERE request_id = \(bind: id) ORDER BY at"
            ).all().map { try $0.decode(column: "purpose", as: String.self) }
            #expect(
                Set(logged) == ["notification:create-draft", "notification:send", "notification:comment", "notification:close"], "\(logged)"
            )
        }
    }

    @Test func thePagesListDraftSendAndKeepWhatWasTyped() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let dk = try await RequestPagesTests.Browser.signIn(client, users["dk.services"]!, clock: clock)
            let list = try await dk.get("/notifications?lang=da")
            #expect(list.status == .ok && list.text.contains("/notifications/new?procedure=services-notification"))
            let form = try await dk.get("/notifications/new?procedure=services-notification")
            #expect(form.status == .ok && form.text.contains(#"id="new-notification""#))
            let refused = try await dk.post(
                "/notifications", [("procedure", "services-notification"), ("title", ""), ("text", "Kept text"), ("language", "da")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("Kept text") && refused.text.contains("title-error"))
            let saved = try await dk.post(
                "/notifications", [("procedure", "services-notification"), ("title", "Ny regel"), ("text", "Tekst"), ("language", "da")])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            let page = try await dk.get(location)
            #expect(page.text.contains("Ny regel") && page.text.contains(#"id="send-form""#))
            let path = String(location.split(separator: "?")[0])
            let noStates = try await dk.post(path + "/steps", [("action", "send"), ("version", "1")])
            #expect(noStates.status == .unprocessableContent && noStates.text.contains("recipients-error"))
            let sent = try await dk.post(path + "/steps", [("action", "send"), ("version", "1"), ("state.SI", "yes")])
            #expect(sent.status == .seeOther)
            let si = try await RequestPagesTests.Browser.signIn(client, users["si.services"]!, clock: clock)
            let home = try await si.get("/?lang=en")
            #expect(home.text.contains("/notifications"))
            let received = try await si.get(path)
            #expect(
                received.text.contains("Ny regel") && received.text.contains(#"id="comment-form""#) && !received.text.contains("send-form"))
            let emptyComment = try await si.post(path + "/steps", [("action", "comment"), ("version", "2"), ("comment", " ")])
            #expect(emptyComment.status == .unprocessableContent && emptyComment.text.contains("comment-error"))
        }
    }
}
