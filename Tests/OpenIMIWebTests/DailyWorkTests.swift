import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import Testing

@testable import OpenIMIWeb

/// The daily work of a request handler: request numbers, finding one's requests, the home page of
/// what needs action, forms that keep what was typed, a draft that can be changed, and times in the
/// user's own time zone.
@Suite struct DailyWorkTests {
    typealias Browser = RequestPagesTests.Browser

    /// Drafts a request from `token`'s authority to `responder` and returns its JSON.
    static func draft(
        _ client: any TestClientProtocol, _ token: String, to responder: String, clock: ManualClock
    ) async throws
        -> [String: Any]
    {
        let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(14 * 86_400))
        let created = try await client.api(
            .post, "/api/v1/requests", token,
            #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"person","givenNames":"Mette","familyNames":"Kjær"},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
        )
        #expect(created.status == .created, "\(created.text)")
        return try created.json()
    }

    @Test func everyRequestGetsTheNextNumberOfItsStateAndYearAndTheAPIFindsItByNumber() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            // The demo data hold requests already: the sequence goes on from them, one by one.
            let first = try await Self.draft(client, dk, to: zbornica, clock: clock)
            let second = try await Self.draft(client, dk, to: zbornica, clock: clock)
            let one = try #require(RequestNumber(first["number"] as? String ?? ""))
            let two = try #require(RequestNumber(second["number"] as? String ?? ""))
            #expect(one.memberState.rawValue == "DK" && one.year == 2026 && two.year == 2026 && two.sequence == one.sequence + 1)
            let found = try await client.api(.get, "/api/v1/requests?number=\(two.description.lowercased())&state=draft", dk)
            let rows = try #require(try found.json()["requests"] as? [[String: Any]])
            #expect(rows.count == 1 && rows.first?["id"] as? String == second["id"] as? String && rows.first?["number"] != nil)
            // The responder cannot find a draft by its number: drafts are the requester's own.
            let hidden = try await client.api(.get, "/api/v1/requests?number=\(two)&state=draft", si)
            #expect((try hidden.json()["requests"] as? [[String: Any]])?.isEmpty == true)
            for wrong in ["DK-26-1", "XX-2026-000001", "DK-2026-00001a", String(repeating: "9", count: 40)] {
                let refused = try await client.api(.get, "/api/v1/requests?number=\(wrong)", dk)
                #expect(refused.status == .badRequest && refused.text.contains("number"), "\(wrong)")
            }
        }
    }

    @Test func concurrentDraftsNeverShareANumber() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            func numbers() async throws -> Set<String> {
                Set(
                    try await database.sql.select().column("number").from("information_request").all()
                        .map { try $0.decode(column: "number", as: String.self) })
            }
            let before = try await numbers()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 { group.addTask { _ = try await Self.draft(client, dk, to: zbornica, clock: clock) } }
                try await group.waitForAll()
            }
            let added = try await numbers().subtracting(before).compactMap(RequestNumber.init).sorted()
            #expect(added.count == 12, "twelve new numbers, none shared")
            let first = try #require(added.first)
            #expect(added.map(\.sequence) == Array(first.sequence..<first.sequence + 12), "no gap: \(added)")
        }
    }

    @Test func theInboxSearchFiltersByWhoseMoveItIsDirectionStateAndDates() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let sent = try await Self.draft(client, dk, to: zbornica, clock: clock)
            let kept = try await Self.draft(client, dk, to: zbornica, clock: clock)
            let id = try #require(sent["id"] as? String)
            #expect(try await client.api(.post, "/api/v1/requests/\(id)/steps", dk, #"{"action":"send","version":1}"#).status == .ok)
            // The demo data hold requests too: each search is read for the two of this test.
            let ours = Set([id, try #require(kept["id"] as? String)])
            func ids(_ token: String, _ query: String) async throws -> [String] {
                let response = try await client.api(.get, "/api/v1/requests?limit=200&\(query)", token)
                #expect(response.status == .ok, "\(query): \(response.text)")
                return (try response.json()["requests"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.filter(ours.contains)
            }
            #expect(try await ids(dk, "waiting=them") == [id], "sent: waits for the responder")
            #expect(try await ids(dk, "waiting=us") == [kept["id"] as! String], "a draft waits for us")
            #expect(try await ids(si, "waiting=us") == [id])
            #expect(try await ids(si, "waiting=them").isEmpty)
            #expect(try await ids(si, "direction=sent").isEmpty)
            #expect(try await ids(si, "direction=received") == [id])
            #expect(Set(try await ids(dk, "memberState=SI&direction=sent")) == ours, "the draft is to Slovenia too")
            #expect(try await ids(dk, "memberState=DE").isEmpty)
            let today = DateText.day(clock.now())
            #expect(try await ids(dk, "sentFrom=\(today)&sentTo=\(today)") == [id], "drafts have no sending date")
            #expect(try await ids(dk, "sentFrom=2001-01-01&sentTo=2001-01-02").isEmpty)
            #expect(try await ids(dk, "sort=number").count == 2)
            #expect(try await ids(dk, "due=soon").isEmpty, "the deadline is two weeks away")
            clock.advance(by: 12 * 86_400)
            let later = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            #expect(try await ids(later, "due=soon") == [id])
            #expect(try await ids(later, "due=overdue").isEmpty)
            clock.advance(by: 30)
            let dkLater = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            for wrong in ["sentFrom=2026-02-30", "sentFrom=2026-03-02&sentTo=2026-03-01", "waiting=nobody", "sort=random", "direction=up"] {
                #expect(try await client.api(.get, "/api/v1/requests?\(wrong)", dkLater).status == .badRequest, "\(wrong)")
            }
            // The page keeps the search typed and names the wrong field.
            let browser = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            // Choosing a member state offers its authorities, one of which narrows the list to it.
            let byState = try await browser.get("/requests?memberState=SI&lang=sl")
            #expect(byState.text.contains(#"id="search-counterpart""#) && byState.text.contains(#"value="\#(zbornica)""#))
            let byAuthority = try await browser.get("/requests?memberState=SI&counterpart=\(zbornica)")
            #expect(byAuthority.text.contains(#"value="\#(zbornica)" selected"#) && byAuthority.text.contains("/requests/\(id)"))
            #expect(try await ids(dkLater, "counterpart=\(UUID().uuidString)").isEmpty)
            let page = try await browser.get("/requests?number=DK-twenty&lang=da")
            #expect(page.status == .unprocessableContent && page.text.contains(#"value="DK-twenty""#))
            #expect(page.text.contains(##"href="#search-number""##) && page.text.contains("search-number-error"))
        }
    }

    @Test func signingInLandsOnTheHomePageOfWhatNeedsTheUser() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let sent = try await Self.draft(client, dk, to: zbornica, clock: clock)
            _ = try await Self.draft(client, dk, to: zbornica, clock: clock)
            let id = try #require(sent["id"] as? String)
            #expect(try await client.api(.post, "/api/v1/requests/\(id)/steps", dk, #"{"action":"send","version":1}"#).status == .ok)
            // Without a page to return to, sign-in lands on the home page, in the user's language.
            let form = try await client.execute(uri: "/sign-in", method: .get)
            let csrf = try #require(form.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1).description
            let user = users["si.handler"]!
            let landing = try await client.execute(
                uri: "/sign-in", method: .post,
                headers: [.cookie: "openimi_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&username=\(user.username)&password=\(user.password)&code=\(TestApp.code(user, at: clock.now()))")
            )
            #expect(landing.status == .seeOther && landing.headers[.location]?.hasPrefix("/?lang=") == true, "\(landing.headers)")
            clock.advance(by: 30)
            let si = try await Browser.signIn(client, users["si.handler"]!, clock: clock)
            let home = try await si.get("/?lang=sl")
            #expect(home.status == .ok && home.text.contains("Vaše delo"))
            let newCount = try #require(home.text.firstMatch(of: /id="work-new"[^>]*><a[^>]*><span class="count" data-count="(\d+)"/)?.1)
            #expect(Int(newCount)! >= 1, "the request just sent waits to be accepted")
            #expect(home.text.contains("/requests?direction=received&amp;state=forwarded,sent"))
            #expect(!home.text.contains("Mette"), "counts only, no personal data")
            // The e-mail names the number and the procedure, never the person.
            let number = try #require(sent["number"] as? String)
            let mails = try await MailOutbox(sql: database.sql).pending().filter { $0.requestId == id }
            let job = MailDelivery(
                database: database, settings: MailSettings(smtpHost: "127.0.0.1", smtpPort: 1, from: "imi@platform.example"),
                publicURL: "https://imi.example.org", catalogs: try Catalogs.bundled(), logger: Logger(label: "test"))
            let procedures = try await RegistryRepository(sql: database.sql).procedureNames()
            let (subject, body) = job.render(try #require(mails.first), procedures: procedures)
            #expect(
                subject.contains(number) && body.contains(number) && !body.contains("Mette") && !body.contains("pq-information-request"))
            let danish = try await Browser.signIn(client, users["dk.handler"]!, clock: clock).get("/?lang=da")
            #expect(danish.text.contains(#"id="work-drafts""#) && danish.text.contains(#"id="work-waiting""#))
            let visitor = try await client.execute(uri: "/", method: .get)
            #expect(visitor.text.contains("nav-sign-in") && !visitor.text.contains("work-new"))
            let coordinator = try await Browser.signIn(client, users["si.nimic"]!, clock: clock).get("/?lang=en")
            #expect(coordinator.text.contains(#"id="scope-open""#) && coordinator.text.contains(#"id="work-referredToUs""#))
        }
    }

    @Test func aRefusedDraftFormComesBackAsTypedAndADraftCanBeChanged() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let dk = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let deadline = DateText.day(clock.now().addingTimeInterval(10 * 86_400))
            let form: [(String, String)] = [
                ("procedure", "pq-information-request"), ("responderId", zbornica), ("subjectKind", "person"), ("givenNames", "Astrid"),
                ("familyNames", ""), ("identifier", "0204811234"), ("identifierKind", "passport"), ("question:diploma-authentic", "yes"),
                ("freeText", "Søger autorisation"), ("freeTextLanguage", "da"), ("deadline", deadline),
            ]
            let before = try await database.sql.select().column("id").from("information_request").all().count
            let refused = try await dk.post("/requests?lang=da", form)
            #expect(refused.status == .unprocessableContent, "\(refused.status)")
            #expect(refused.text.contains(#"value="Astrid""#) && refused.text.contains(#"value="0204811234""#))
            #expect(refused.text.contains("Søger autorisation") && refused.text.contains(#"value="passport" selected"#))
            #expect(refused.text.contains(#"name="question:diploma-authentic" value="yes" checked"#))
            #expect(refused.text.contains(##"href="#familyNames""##) && refused.text.contains("familyNames-error"))
            #expect(refused.text.contains("nav-account"), "the session stays visible")
            #expect(try await database.sql.select().column("id").from("information_request").all().count == before, "nothing saved")

            let created = try await dk.post("/requests", form.map { $0.0 == "familyNames" ? ($0.0, "Lindqvist") : $0 })
            let location = try #require(created.headers[.location])
            let id = String(location.dropFirst("/requests/".count).prefix { $0 != "?" })
            let editPage = try await dk.get("/requests/\(id)/draft")
            #expect(editPage.status == .ok && editPage.text.contains(#"value="Lindqvist""#) && editPage.text.contains(#"name="version""#))
            let changed = try await dk.post(
                "/requests/\(id)/draft",
                form.map { $0.0 == "familyNames" ? ($0.0, "Lindqvist-Berg") : $0 } + [
                    ("version", "1"), ("question:legally-established", "yes"),
                ])
            #expect(
                changed.status == .seeOther && changed.headers[.location]?.hasSuffix("done=edited") == true, "\(changed.text.prefix(300))")
            let page = try await dk.get("/requests/\(id)")
            #expect(page.text.contains("Lindqvist-Berg") && page.text.contains("passport number"))
            #expect(page.text.contains(#"data-question="legally-established""#))
            let stale = try await dk.post("/requests/\(id)/draft", form + [("version", "1")])
            #expect(stale.status == .conflict)
            // Sent, it is no longer a draft: the form leads back to the request.
            let version = try #require(page.text.firstMatch(of: /name="version" value="(\d+)"/)?.1).description
            _ = try await dk.post("/requests/\(id)/steps", [("action", "send"), ("version", version)])
            #expect(try await dk.get("/requests/\(id)/draft").status == .seeOther)
            let late = try await dk.post("/requests/\(id)/draft", form + [("version", "3")])
            #expect(late.status.code >= 400 && late.status.code < 500, "\(late.status)")
        }
    }

    @Test func aDraftIsDeletedWithItsPersonalDataOnlyByItsAuthorityAndOnlyWhenConfirmed() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let draft = try await Self.draft(client, token, to: zbornica, clock: clock)
            let id = try #require(draft["id"] as? String), number = try #require(draft["number"] as? String)
            let sent = try #require(try await Self.draft(client, token, to: zbornica, clock: clock)["id"] as? String)
            #expect(try await client.api(.post, "/api/v1/requests/\(sent)/steps", token, #"{"action":"send","version":1}"#).status == .ok)
            let dk = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let unconfirmed = try await dk.post("/requests/\(id)/draft/deletion", [("version", "1")])
            #expect(unconfirmed.status == .unprocessableContent && unconfirmed.text.contains("delete-draft-error"))
            let sentRefused = try await dk.post("/requests/\(sent)/draft/deletion", [("version", "2"), ("confirmed", "yes")])
            #expect(sentRefused.status.code >= 400, "a sent request is no draft: \(sentRefused.status)")
            let si = try await Browser.signIn(client, users["si.handler"]!, clock: clock)
            #expect(try await si.post("/requests/\(id)/draft/deletion", [("version", "1"), ("confirmed", "yes")]).status == .notFound)
            let deleted = try await dk.post("/requests/\(id)/draft/deletion", [("version", "1"), ("confirmed", "yes")])
            let location = try #require(deleted.headers[.location])
            #expect(deleted.status == .seeOther && location.contains("done=draft-deleted"))
            let inbox = try await dk.get(location + "&lang=da")
            #expect(inbox.text.contains("Kladde \(number) er slettet") && !inbox.text.contains("/requests/\(id)\""))
            #expect(try await dk.get("/requests/\(id)").status.code >= 400, "gone for its authority too")
            let row = try #require(
                try await database.sql.select().columns("personal_data", "retention_phase").from("information_request")
                    .where("id", .equal, id).first())
            #expect(try row.decode(column: "personal_data", as: String.self).isEmpty)
            #expect(try row.decode(column: "retention_phase", as: String.self) == "deleted")
            let log = try await database.sql.select().columns("user_id", "purpose").from("access_log").where("request_id", .equal, id).all()
            let purposes = try log.map { try $0.decode(column: "purpose", as: String.self) }
            #expect(purposes.contains("draft:delete:block") && purposes.contains("draft:delete"), "\(purposes)")
            let receipts = try await database.sql.select().column("reason").from("deletion_receipt").where("request_id", .equal, id).all()
            #expect(try receipts.map { try $0.decode(column: "reason", as: String.self) } == ["draft-deleted"])
        }
    }

    @Test func withdrawingAsksForConfirmationAndAnUnknownRequestKeepsTheSignedInPage() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let id = try #require(try await Self.draft(client, token, to: zbornica, clock: clock)["id"] as? String)
            #expect(try await client.api(.post, "/api/v1/requests/\(id)/steps", token, #"{"action":"send","version":1}"#).status == .ok)
            let dk = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let unconfirmed = try await dk.post(
                "/requests/\(id)/steps?lang=da", [("action", "withdraw"), ("version", "2"), ("comment", "Sagen er afgjort")])
            #expect(unconfirmed.status == .unprocessableContent, "\(unconfirmed.status)")
            #expect(unconfirmed.text.contains("step-withdraw-error") && unconfirmed.text.contains("Sagen er afgjort"), "typed comment kept")
            #expect(unconfirmed.text.contains(##"href="#step-withdraw-form""##) && unconfirmed.text.contains("nav-account"))
            // A proposed deadline in the past is refused the same way, on the responder's accept form.
            let si = try await Browser.signIn(client, users["si.handler"]!, clock: clock)
            let past = try await si.post(
                "/requests/\(id)/steps", [("action", "accept"), ("version", "2"), ("proposedDeadline", "2001-01-01"), ("comment", "Vi")])
            #expect(
                past.status == .unprocessableContent && past.text.contains(#"value="2001-01-01""#)
                    && past.text.contains("step-accept-error"))
            let confirmed = try await dk.post("/requests/\(id)/steps", [("action", "withdraw"), ("version", "2"), ("confirmed", "yes")])
            #expect(confirmed.headers[.location]?.hasSuffix("done=withdraw") == true)
            let missing = try await dk.get("/requests/\(UUID().uuidString.lowercased())?lang=da")
            #expect(missing.status == .notFound && missing.text.contains("nav-account") && missing.text.contains(#"id="error-next""#))
            #expect(!missing.text.contains("nav-sign-in"))
        }
    }

    @Test func historyTimesFollowTheUsersTimeZone() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let id = try #require(try await Self.draft(client, token, to: zbornica, clock: clock)["id"] as? String)
            let dk = try await Browser.signIn(client, users["dk.handler"]!, clock: clock)
            #expect(try await dk.get("/requests/\(id)").text.contains("UTC+01:00"), "Denmark's zone by default")
            let saved = try await dk.post(
                "/account/profile", [("fullName", "Request handler DK"), ("language", "en"), ("timeZone", "UTC")])
            #expect(saved.status == .seeOther)
            #expect(!(try await dk.get("/requests/\(id)").text.contains("UTC+01:00")))
            let refused = try await client.api(.patch, "/api/v1/me", token, #"{"timeZone":"Mars/Olympus"}"#)
            #expect(refused.status == .unprocessableContent || refused.status == .badRequest, "\(refused.status)")
            let lisbon = try await client.api(.patch, "/api/v1/me", token, #"{"timeZone":"Europe/Lisbon"}"#)
            #expect(try lisbon.json()["timeZone"] as? String == "Europe/Lisbon")
        }
    }
}

/// The timeliness indicators as a page: a chart per indicator by month, drawn by the server.
@Suite struct IndicatorPageTests {
    @Test func aMemberStatesIndicatorsAreChartedMonthByMonthInTheReadersLanguage() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, _ in
            let page = try await client.execute(uri: "/indicators?memberState=SI&lang=sl", method: .get)
            #expect(page.status == .ok && page.text.contains("Kazalniki pravočasnosti"))
            #expect(
                page.text.components(separatedBy: "<svg ").count - 1 == 6,
                "received, accepted, days, deadline, alerts sent, alerts sent within 3 days")
            #expect(page.text.contains("id=\"chart-alerts-in-time\""), "the demo's Slovenian alerts were sent in time")
            #expect(page.text.contains(#"role="img""#) && page.text.contains("<desc id=\"chart-accepted-desc\">"))
            #expect(page.text.components(separatedBy: #"<td>"#).count > 4 * 12, "each chart's figures as a table too")
            #expect(!page.text.contains("<script"), "drawn by the server, no script")
            let chooser = try await client.execute(uri: "/indicators?lang=da", method: .get)
            #expect(chooser.status == .ok && chooser.text.contains("indicators-form") && !chooser.text.contains("<svg "))
            let wrong = try await client.execute(uri: "/indicators?memberState=XX", method: .get, headers: [.accept: "text/html"])
            #expect(wrong.status == .badRequest)
        }
    }

    @Test func monthsWithoutRequestsAreEmptyAndRequestsFallInTheMonthTheyWereSent() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
        let sent = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21
        let timing = TimelinessIndicators.Timing(
            sentAt: sent, acceptedAt: sent.addingTimeInterval(86_400), answeredAt: sent.addingTimeInterval(10 * 86_400),
            deadline: sent.addingTimeInterval(20 * 86_400))
        let months = TimelinessIndicators.monthly([timing, timing], endingAt: now)
        #expect(months.count == 12 && months.first?.year == 2025 && months.first?.month == 12 && months.last?.month == 11)
        let september = try! #require(months.first { $0.month == 9 })
        #expect(september.indicators.received == 2 && september.indicators.acceptedWithinSevenDays == 1)
        #expect(months.filter { $0.indicators.received == 0 }.count == 11)
        #expect(months.first { $0.month == 10 }?.indicators.averageDaysToAnswer == nil)
    }
}

/// The other forms keep what was typed too: the same page again (422), the field named beside it
/// and in a summary, passwords never sent back.
@Suite struct FormEchoTests {
    @Test func refusedFormsComeBackAsTypedWithTheFieldNamed() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let admin = try await RequestPagesTests.Browser.signIn(client, users["dk.admin"]!, clock: clock)
            let organisation = try #require(users["dk.admin"]?.organisationId)
            let user = try await admin.post(
                "/users?lang=da",
                [
                    ("organisation", "authority:\(organisation)"), ("username", ""), ("fullName", "Karen Blixen"),
                    ("email", "karen@x.example"),
                    ("language", "da"), ("role:reader(professional-qualifications)", "on"),
                ])
            #expect(user.status == .unprocessableContent, "\(user.status) \(user.text.prefix(300))")
            #expect(user.text.contains("error-summary") && user.text.contains(#"value="Karen Blixen""#))
            #expect(user.text.contains(#"value="karen@x.example""#) && user.text.contains("nav-account"))

            let question = try await admin.post("/questions", [("subject", ""), ("text", "Hvordan gemmes logfilerne?")])
            #expect(question.status == .unprocessableContent && question.text.contains("Hvordan gemmes logfilerne?"))
            #expect(question.text.contains(##"href="#subject""##))

            let rights = try await admin.post(
                "/rights-requests",
                [
                    ("kind", "access"), ("givenNames", "Søren"), ("familyNames", ""), ("identification", "Pas vist ved skranken"),
                    ("language", "da"), ("receivedOn", DateText.day(clock.now())),
                ])
            #expect(rights.status == .unprocessableContent, "\(rights.status)")
            #expect(rights.text.contains(#"value="Søren""#) && rights.text.contains("Pas vist ved skranken"))

            let password = try await admin.post(
                "/account/password", [("currentPassword", "not-the-password"), ("newPassword", "a-new-long-password-1")])
            #expect(password.status == .unprocessableContent && password.text.contains("currentPassword-error"))
            #expect(
                !password.text.contains("not-the-password") && !password.text.contains("a-new-long-password-1"), "passwords never echoed")

            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let id = try #require(try await DailyWorkTests.draft(client, token, to: zbornica, clock: clock)["id"] as? String)
            clock.advance(by: 30)
            let handler = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let consent = try await handler.post(
                "/requests/\(id)/consents",
                [("purpose", "sanctions-data"), ("givenBy", "Mette Kjær"), ("language", "sl"), ("givenOn", "2026-02-30")])
            #expect(consent.status == .unprocessableContent, "\(consent.status)")
            #expect(consent.text.contains(#"value="Mette Kjær""#) && consent.text.contains(#"value="sl" selected"#))
            #expect(consent.text.contains(#"value="sanctions-data" required checked"#) && consent.text.contains(##"href="#givenOn""##))
        }
    }
}

/// The retention run and drafts: a deletion that stopped after blocking is finished, and a
/// deleted draft is never flagged for review again.
@Suite struct DraftRetentionTests {
    @Test func theRunFinishesAnInterruptedDraftDeletionAndSkipsDeletedDrafts() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let interrupted = try #require(try await DailyWorkTests.draft(client, token, to: zbornica, clock: clock)["id"] as? String)
            let deleted = try #require(try await DailyWorkTests.draft(client, token, to: zbornica, clock: clock)["id"] as? String)
            // As if the key had been missing after the block: the draft is blocked, its data still there.
            let blocked = try await platform.database.transaction { sql in
                try await RetentionRepository(sql: sql).blockDraft(interrupted, version: 1, at: clock.now())
            }
            #expect(blocked)
            let dk = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            #expect(try await dk.post("/requests/\(deleted)/draft/deletion", [("version", "1"), ("confirmed", "yes")]).status == .seeOther)
            // Two years on: the interrupted deletion is finished, nothing trips over the deleted draft.
            let outcome = try await platform.retention.run(asOf: clock.now().addingTimeInterval(2 * 365 * 86_400))
            #expect(outcome.deleted >= 1)
            for id in [interrupted, deleted] {
                let row = try #require(
                    try await platform.database.sql.select().columns("retention_phase", "review_flagged_at").from("information_request")
                        .where("id", .equal, id).first())
                #expect(try row.decode(column: "retention_phase", as: String.self) == "deleted", "\(id)")
                #expect(try row.decode(column: "review_flagged_at", as: Int64?.self) == nil, "a deleted draft is not flagged")
            }
        }
    }
}

extension FormEchoTests {
    @Test func answersToTheNimicAndToARightsRequestAndTheSupervisoryPeriodComeBackAsTyped() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let handler = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let asked = try await client.api(
                .post, "/api/v1/coordinator-questions", handler, #"{"subject":"Logfiler","text":"Hvor længe gemmes de?"}"#)
            let id = try #require(try asked.json()["id"] as? String)
            let nimic = try await RequestPagesTests.Browser.signIn(client, users["dk.nimic"]!, clock: clock)
            let long = String(repeating: "x", count: 5_001)
            let answer = try await nimic.post("/questions/\(id)/answer?lang=da", [("answer", long)])
            #expect(answer.status == .unprocessableContent, "\(answer.status)")
            #expect(answer.text.contains(long) && answer.text.contains(##"href="#answer-\##(id)""##))

            let admin = try await RequestPagesTests.Browser.signIn(client, users["dk.admin"]!, clock: clock)
            let entry = try await admin.post(
                "/rights-requests",
                [
                    ("kind", "access"), ("givenNames", "Søren"), ("familyNames", "Østergaard"), ("identification", "Pas"),
                    ("language", "da"), ("receivedOn", DateText.day(clock.now())),
                ])
            let location = try #require(entry.headers[.location])
            let page = try await admin.get(location)
            let version = try #require(page.text.firstMatch(of: /name="version" value="(\d+)"/)?.1).description
            let refused = try await admin.post(
                location.replacingOccurrences(of: "?", with: "") + "/answer",
                [("status", "completed"), ("outcome", String(repeating: "y", count: 2_001)), ("version", version)])
            #expect(refused.status == .unprocessableContent && refused.text.contains(String(repeating: "y", count: 2_001)))

            let export = try await admin.post(
                "/supervision",
                [("authority", try #require(users["dk.admin"]?.organisationId)), ("from", "2026-13-01"), ("through", "2026-12-31")])
            #expect(export.status == .unprocessableContent && export.text.contains(#"value="2026-13-01""#), "\(export.status)")
        }
    }
}
