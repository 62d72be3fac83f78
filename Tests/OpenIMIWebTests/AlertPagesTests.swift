import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import SQLKit
import Testing

@testable import OpenIMIWeb

/// The alert pages in a browser's place: a Danish alert handler drafts a qualifications alert
/// through the form (a refused form keeps what was typed), sends it late, the Slovenian national
/// coordinator sees only that it exists and routes it, the routed authority's alert handler reads
/// and acknowledges it, nobody else sees it, the sender closes it after confirming; a Services
/// alert goes to the chosen states, the operator sees that it exists, and it is withdrawn.
@Suite struct AlertPagesTests {
    typealias Browser = RequestPagesTests.Browser

    static func version(_ page: TestResponse) throws -> String {
        try #require(page.text.firstMatch(of: /name="version" value="(\d+)"/)?.1).description
    }

    @Test func aQualificationsAlertThroughThePages() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let dk = try await Browser.signIn(client, users["dk.alerts"]!, clock: clock)
            let form = try await dk.get("/alerts/new?procedure=pq-alert&lang=da")
            #expect(form.status == .ok && form.text.contains("Personoplysninger"), "personal fields are marked")
            let decided = DateText.day(clock.now().addingTimeInterval(-5 * 86_400))
            var fields: [(String, String)] = [
                ("procedure", "pq-alert"), ("language", "da"), ("values.given-names", "Astrid"), ("values.profession", "Sygeplejerske"),
                ("values.date-of-birth", "1981-04-02"),
                ("values.ground", "prohibited"), ("values.deciding-body", "Styrelsen for Patientsikkerhed"),
                ("values.decision-date", decided), ("values.scope", "Må ikke udøve sygepleje"), ("values.period-start", decided),
                ("values.professional-informed", "yes"),
            ]
            let before = try await database.sql.select().column("id").from("alert").all().count
            let refused = try await dk.post("/alerts", fields)
            #expect(refused.status == .unprocessableContent, "\(refused.text.prefix(300))")
            #expect(refused.text.contains(">Astrid</textarea>"), "what was typed stays")
            #expect(refused.text.contains("href=\"#values.family-names\""), "the summary links to the field in error")
            #expect(try await database.sql.select().column("id").from("alert").all().count == before, "nothing was saved")

            fields.append(("values.family-names", "Lindqvist"))
            let created = try await dk.post("/alerts", fields)
            #expect(created.status == .seeOther, "\(created.text.prefix(300))")
            let location = try #require(created.headers[.location])
            let id = String(location.dropFirst("/alerts/".count).prefix { $0 != "?" })
            var page = try await dk.get(location)
            let number = try #require(page.text.firstMatch(of: /id="alert-number">(A-DK-\d{4}-\d{6})</)?.1).description
            let draftSearch = try await client.api(
                .post, "/api/v1/subject-search", try await TestApp.apiToken(client, users["dk.alerts"]!, clock: clock),
                #"{"kind":"person","givenNames":"Astrid","familyNames":"Lindqvist","dateOfBirth":"1981-04-02"}"#)
            #expect(!draftSearch.text.contains(number), "a draft is not in the index: only what was sent can be found")
            #expect(page.text.contains("id=\"late-warning\""), "a draft more than 3 days after its decision warns")
            #expect(page.text.contains("Lindqvist") && page.text.contains("id=\"done\""))
            #expect(page.text.contains("<option value=\"da\" selected>"), "the person's language is offered, the sender state's first")
            let sent = try await dk.post(
                "/alerts/\(id)/steps", [("action", "send"), ("version", try Self.version(page)), ("noticeLanguage", "sl")])
            #expect(sent.status == .seeOther, "\(sent.text.prefix(300))")

            // Sending produced the information notice in the person's language, naming kinds of data, never values.
            page = try await dk.get("/alerts/\(id)")
            let noticeLink = try #require(page.text.firstMatch(of: /id="information-notice" href="([^"]+)"/)?.1).description
            #expect(noticeLink.hasSuffix("language=sl"))
            let notice = try await dk.get(noticeLink.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(
                notice.status == .ok && notice.text.contains("lang=\"sl\"") || notice.text.contains("Slovenija"),
                "\(notice.text.prefix(200))")
            #expect(!notice.text.contains("Lindqvist") && !notice.text.contains("Astrid"))
            let pdf = try await dk.get("/alerts/\(id)/information-notice.pdf?language=sl")
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf" && pdf.text.hasPrefix("%PDF"))
            #expect(try await Browser.signIn(client, users["de.alerts"]!, clock: clock).get(noticeLink).status == .notFound)

            // Alert figures are public per member state only, never per authority.
            let dkAuthority = try #require(users["dk.alerts"]?.organisationId)
            let byAuthority = try await client.execute(uri: "/api/v1/indicators?authority=\(dkAuthority)", method: .get)
            #expect(try byAuthority.json()["alertsSent"] as? Int == 0)
            let byState = try await client.execute(uri: "/api/v1/indicators?memberState=DK", method: .get)
            #expect((try byState.json()["alertsSent"] as? Int ?? 0) >= 1)

            // The Slovenian coordinator is told, sees that it exists and routes it; never the content.
            let nimic = try await Browser.signIn(client, users["si.nimic"]!, clock: clock)
            let list = try await nimic.get("/alerts")
            #expect(list.text.contains(number) && list.text.contains("id=\"alerts-toRoute\""), "\(list.text.prefix(400))")
            #expect(!list.text.contains("Lindqvist"))
            let home = try await nimic.get("/")
            #expect(home.text.contains("duty-alertsToRoute"))
            page = try await nimic.get("/alerts/\(id)")
            #expect(page.status == .ok && page.text.contains("id=\"existence-only\"") && !page.text.contains("Lindqvist"))
            let chamber = try #require(users["si.alerts"]?.organisationId)
            #expect(page.text.contains("authority.\(chamber)"), "the route form offers the state's authorities of the area")
            let nothingChosen = try await nimic.post("/alerts/\(id)/steps", [("action", "route"), ("version", try Self.version(page))])
            #expect(nothingChosen.status == .unprocessableContent && nothingChosen.text.contains("href=\"#authorities\""))
            let routed = try await nimic.post(
                "/alerts/\(id)/steps", [("action", "route"), ("version", try Self.version(page)), ("authority.\(chamber)", "yes")])
            #expect(routed.status == .seeOther, "\(routed.text.prefix(300))")

            // The routed authority's alert handler reads it (logged) and acknowledges; nobody else sees it.
            let si = try await Browser.signIn(client, users["si.alerts"]!, clock: clock)
            #expect(try await si.get("/alerts").text.contains(number))
            page = try await si.get("/alerts/\(id)?lang=sl")
            #expect(page.status == .ok && page.text.contains("Lindqvist"))
            let reads = try await database.sql.select().column("purpose").from("access_log").where("request_id", .equal, id)
                .where("operation", .equal, "read").all().map { try $0.decode(column: "purpose", as: String.self) }
            #expect(reads.contains("web:view-alert"), "\(reads)")
            for outsider in ["si.handler", "de.alerts", "dk.handler"] {
                let other = try await Browser.signIn(client, users[outsider]!, clock: clock)
                #expect(try await other.get("/alerts/\(id)").status == .notFound, "\(outsider)")
                #expect(!(try await other.get("/alerts").text.contains(number)), "\(outsider)")
            }
            // The routed authority finds the alert by the person, through the blind index; others do not.
            let searchBody = #"{"kind":"person","givenNames":"ASTRID","familyNames":"lindqvist","dateOfBirth":"1981-04-02"}"#
            let siSearch = try await client.api(
                .post, "/api/v1/subject-search", try await TestApp.apiToken(client, users["si.alerts"]!, clock: clock), searchBody)
            #expect(siSearch.text.contains(number), "\(siSearch.text)")
            let deSearch = try await client.api(
                .post, "/api/v1/subject-search", try await TestApp.apiToken(client, users["de.alerts"]!, clock: clock), searchBody)
            #expect(deSearch.status == .ok && !deSearch.text.contains(number))
            let searches = try await database.sql.select().column("operation").from("access_log").where("request_id", .equal, id)
                .where("operation", .equal, "search").all()
            #expect(searches.count == 1, "each match is logged as a search")
            #expect(try await si.get("/alerts/\(id)/information-notice").status == .notFound, "the sender gives the notice")
            let acknowledged = try await si.post("/alerts/\(id)/steps", [("action", "acknowledge"), ("version", try Self.version(page))])
            #expect(acknowledged.status == .seeOther)
            let notices = try await dk.get("/alerts")
            #expect(notices.text.contains("id=\"alert-notices\"") && notices.text.contains(number))
            let mail = try await database.sql.select().column("action").from("mail_outbox").where("alert_id", .equal, id).all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(Set(mail).isSuperset(of: ["alert-send", "alert-route", "alert-acknowledge"]), "\(mail)")

            // Closing needs the confirmation; without it nothing changes.
            page = try await dk.get("/alerts/\(id)")
            let unconfirmed = try await dk.post("/alerts/\(id)/steps", [("action", "close"), ("version", try Self.version(page))])
            #expect(unconfirmed.status == .unprocessableContent && unconfirmed.text.contains("id=\"confirm-error\""))
            let closed = try await dk.post(
                "/alerts/\(id)/steps", [("action", "close"), ("version", try Self.version(page)), ("confirmed", "yes")])
            #expect(closed.status == .seeOther)
            #expect(try await dk.get("/alerts/\(id)").text.contains("state-closed"))
        }
    }

    @Test func aServicesAlertGoesToTheChosenStatesAndIsWithdrawn() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let dk = try await Browser.signIn(client, users["dk.services"]!, clock: clock)
            let created = try await dk.post(
                "/alerts",
                [
                    ("procedure", "services-alert"), ("language", "en"), ("values.provider-name", "Nordlys Byg ApS"),
                    ("values.establishment-state", "DK"), ("values.activity", "Roofing"), ("values.risk", "Falling parts"),
                ])
            #expect(created.status == .seeOther, "\(created.text.prefix(300))")
            let id = String(try #require(created.headers[.location]).dropFirst("/alerts/".count).prefix { $0 != "?" })
            var page = try await dk.get("/alerts/\(id)")
            #expect(page.text.contains("recipient.SI") && !page.text.contains("recipient.DK"), "the sender's own state is not offered")
            let none = try await dk.post("/alerts/\(id)/steps", [("action", "send"), ("version", try Self.version(page))])
            #expect(none.status == .unprocessableContent && none.text.contains("href=\"#recipients\""))
            let sent = try await dk.post(
                "/alerts/\(id)/steps", [("action", "send"), ("version", try Self.version(page)), ("recipient.SI", "yes")])
            #expect(sent.status == .seeOther)
            let states = try await database.sql.select().column("member_state").from("alert_delivery").where("alert_id", .equal, id)
                .all().map { try $0.decode(column: "member_state", as: String.self) }
            #expect(states == ["SI"])

            let commission = try await Browser.signIn(client, users["operator"]!, clock: clock)
            #expect(try await commission.get("/alerts").text.contains("id=\"alerts-commission\""))
            let seen = try await commission.get("/alerts/\(id)")
            #expect(seen.status == .ok && seen.text.contains("id=\"existence-only\"") && !seen.text.contains("Nordlys"))
            #expect(try await Browser.signIn(client, users["de.nimic"]!, clock: clock).get("/alerts/\(id)").status == .notFound)

            page = try await dk.get("/alerts/\(id)")
            let withdrawn = try await dk.post(
                "/alerts/\(id)/steps", [("action", "withdraw"), ("version", try Self.version(page)), ("confirmed", "yes")])
            #expect(withdrawn.status == .seeOther)
            #expect(try await dk.get("/alerts/\(id)").text.contains("state-withdrawn"))
        }
    }

    @Test func automaticRoutingDeliversAlertsRoutedAsTheyArrive() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let chamber = try #require(users["si.alerts"]?.organisationId)
            // Only the state's coordinators set it, and only to the state's authorities of the area.
            let handlerToken = try await TestApp.apiToken(client, users["si.alerts"]!, clock: clock)
            let refused = try await client.api(
                .put, "/api/v1/alert-routing-rules/professional-qualifications", handlerToken, #"{"authorities":["\#(chamber)"]}"#)
            #expect(refused.status == .forbidden)
            let nimicToken = try await TestApp.apiToken(client, users["si.nimic"]!, clock: clock)
            let german = try #require(users["de.alerts"]?.organisationId)
            let foreign = try await client.api(
                .put, "/api/v1/alert-routing-rules/professional-qualifications", nimicToken, #"{"authorities":["\#(german)"]}"#)
            #expect(foreign.status == .unprocessableContent)
            // Hostile areas and unknown alerts are refused as such, never a crash.
            for area in ["0.5", String(repeating: "0", count: 300), "%C3%97%C3%B8", "null%2Cnull", "Professional-Qualifications"] {
                let refusedArea = try await client.api(.put, "/api/v1/alert-routing-rules/\(area)", nimicToken, #"{"authorities":[]}"#)
                #expect(refusedArea.status == .badRequest, "\(area)")
            }
            let unknown = try await client.api(
                .post, "/api/v1/alerts/\(UUID().uuidString.lowercased())/steps", nimicToken, #"{"action":"send","version":1}"#)
            #expect(unknown.status == .notFound)

            let nimic = try await Browser.signIn(client, users["si.nimic"]!, clock: clock)
            let list = try await nimic.get("/alerts")
            #expect(list.text.contains("id=\"routing-professional-qualifications\""))
            let saved = try await nimic.post(
                "/alerts/routing-rules", [("area", "professional-qualifications"), ("authority.\(chamber)", "yes")])
            #expect(saved.status == .seeOther)
            let rules = try await client.api(.get, "/api/v1/alert-routing-rules", nimicToken)
            #expect(rules.text.contains(chamber), "\(rules.text)")

            let dkToken = try await TestApp.apiToken(client, users["dk.alerts"]!, clock: clock)
            let created = try await client.api(
                .post, "/api/v1/alerts", dkToken,
                """
                {"procedure":"pq-alert","language":"en","values":{"family-names":"Berg","given-names":"Anne","profession":"Nurse",
                "ground":"restricted","deciding-body":"Board","decision-date":"\(DateText.day(clock.now()))","scope":"No night shifts",
                "period-start":"\(DateText.day(clock.now()))","professional-informed":"yes"}}
                """)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? String)
            let sent = try await client.api(.post, "/api/v1/alerts/\(id)/steps", dkToken, #"{"action":"send","version":1}"#)
            #expect(sent.status == .ok, "\(sent.text)")
            let deliveries = try await database.sql.select().columns("member_state", "state").from("alert_delivery")
                .where("alert_id", .equal, id).all()
            let states = Dictionary(
                uniqueKeysWithValues: try deliveries.map {
                    (try $0.decode(column: "member_state", as: String.self), try $0.decode(column: "state", as: String.self))
                })
            #expect(states["SI"] == "routed" && states["DE"] == "received", "routed on arrival only where automatic routing is set")
            let si = try await Browser.signIn(client, users["si.alerts"]!, clock: clock)
            let page = try await si.get("/alerts/\(id)")
            #expect(page.status == .ok && page.text.contains("Berg") && page.text.contains("Routed automatically in"))
            let told = try await database.sql.select().column("action").from("alert_notification").where("alert_id", .equal, id)
                .where("organisation_id", .equal, chamber).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(told == ["route"], "the routed authority is told it was routed to it")
        }
    }
}
