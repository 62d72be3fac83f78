import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIWeb

/// Machine translation through the real HTTP clients against a stand-in service on loopback:
/// only readers of the request may ask, only the text is sent, each sending is logged, the
/// translation is kept sealed and deleted with the request's personal data, and a failing
/// provider leaves everything usable.
@Suite struct MachineTranslationTests {
    static let danishText = "Ansøgning om autorisation som læge; Mette Kjær arbejder i Aarhus"

    /// A request from the Danish handler to the Slovenian one with Danish free text, sent; its id.
    static func sentRequest(
        _ client: any TestClientProtocol, _ dk: String, users: [String: DemoCredential], clock: ManualClock, freeText: String = danishText,
        questions: String = #"["legally-established"]"#
    ) async throws -> String {
        let zbornica = try #require(users["si.handler"]?.organisationId)
        let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(14 * 86_400))
        let created = try await client.api(
            .post, "/api/v1/requests", dk,
            #"{"procedure":"pq-information-request","responderId":"\#(zbornica)","subject":{"kind":"person","givenNames":"Mette","familyNames":"Kjær","dateOfBirth":"1979-11-03","nationalities":["DK"]},"questions":\#(questions),"freeText":{"text":"\#(freeText)","language":"da"},"deadline":"\#(deadline)"}"#
        )
        let id = try #require(try created.json()["id"] as? String, "\(created.text)")
        let sent = try await client.api(.post, "/api/v1/requests/\(id)/steps", dk, #"{"action":"send","version":1}"#)
        #expect(sent.status == .ok, "\(sent.text)")
        return id
    }

    static func config(port: Int, kind: TranslationProviderKind = .libretranslate, timeout: Int = 10) throws -> AppConfig {
        var config = TestApp.config(try TestDatabase.freshLocation(), demo: true)
        let path = kind == .libretranslate ? "" : "/etranslation/si/translate"
        var settings = TranslationSettings(
            kind: kind, url: URL(string: "http://127.0.0.1:\(port)\(path)")!, engineName: "Stand-in MT",
            credentialsFile: try credentials(
                kind == .libretranslate
                    ? TranslationStandIn.apiKey : "\(TranslationStandIn.application):\(TranslationStandIn.password)"))
        settings.timeoutSeconds = timeout
        config.translation = settings
        return config
    }

    /// A credentials file only its owner may read.
    static func credentials(_ text: String, mode: Int = 0o600) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-mt-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        return url.path
    }

    @Test func aSlovenianReaderGetsDanishFreeTextTranslatedOnceLoggedAndSealed() async throws {
        try await TranslationStandIn.run { port, received in
            let clock = ManualClock()
            try await TestApp.runOnPlatform(config: try Self.config(port: port), clock: clock) { client, platform, users in
                let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
                let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
                let outsider = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
                let id = try await Self.sentRequest(client, dk, users: users, clock: clock)

                let refused = try await client.api(
                    .post, "/api/v1/requests/\(id)/translations", outsider, #"{"text":"free-text","language":"de"}"#)
                #expect(refused.status == .notFound, "an uninvolved authority cannot have the text sent")
                let sameLanguage = try await client.api(
                    .post, "/api/v1/requests/\(id)/translations", dk, #"{"text":"free-text","language":"da"}"#)
                #expect(sameLanguage.status == .notFound)
                #expect(received.all.isEmpty, "nothing left the platform for refused asks")

                let translated = try await client.api(
                    .post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text","language":"sl"}"#)
                #expect(translated.status == .ok, "\(translated.text)")
                let json = try translated.json()
                #expect(json["translation"] as? String == "[sl] \(Self.danishText)")
                #expect(json["engine"] as? String == "Stand-in MT" && json["machineTranslated"] as? Bool == true)
                #expect(json["sourceLanguage"] as? String == "da" && json["targetLanguage"] as? String == "sl")
                let sent = try #require(received.all.first)
                #expect(sent.contains("\"source\":\"da\"") && sent.contains("\"target\":\"sl\""))
                #expect(!sent.contains("1979-11-03") && !sent.contains(id) && !sent.contains("DK-"), "only the text is sent")

                let again = try await client.api(.post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text","language":"sl"}"#)
                #expect(again.status == .ok && received.all.count == 1, "a kept translation is not asked for again")

                let log = try await AccessLog(sql: platform.database.sql).entries(of: UUID(uuidString: id)!)
                let disclosures = log.filter { $0.operation == "disclose" }
                #expect(disclosures.count == 1 && disclosures.first?.purpose == "machine-translation:libretranslate")
                #expect(disclosures.first?.fields == ["free-text"])

                let rows = try await platform.database.sql.select().column("*").from("machine_translation").all()
                #expect(rows.count == 1)
                for row in rows {
                    let stored =
                        try row.decode(column: "original", as: String.self) + (try row.decode(column: "translation", as: String.self))
                    #expect(!stored.contains("Ansøgning") && !stored.contains("Mette"), "sealed at rest")
                }

                // The page shows the original with its language and the translation under it, marked as such.
                let session = try await SignInWebTests.webSignIn(client, users["si.handler"]!, clock: clock)
                let page = try await client.execute(
                    uri: "/requests/\(id)?lang=sl", method: .get, headers: [.cookie: "openimi_session=\(session.session)"])
                #expect(page.text.contains(#"<blockquote lang="da" id="free-text">"#))
                #expect(page.text.contains(#"class="machine-translation" lang="sl" id="translation-free-text""#))
                #expect(page.text.contains("[sl] Ansøgning") && page.text.contains("Stand-in MT"))

                // Deleting the request's personal data deletes its translations.
                try await platform.database.transaction { sql in
                    _ = try await RetentionRepository(sql: sql).erasePersonalData(of: id, at: clock.now())
                }
                let left = try await platform.database.sql.select().column("request_id").from("machine_translation").all()
                #expect(left.isEmpty)
            }
        }
    }

    @Test func aFailingOrSlowProviderGivesAClearMessageAndChangesNothing() async throws {
        try await TranslationStandIn.run { port, received in
            let clock = ManualClock()
            try await TestApp.runOnPlatform(config: try Self.config(port: port, timeout: 1), clock: clock) { client, platform, users in
                let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
                let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
                for text in ["Teksten får motoren til at FAIL", "Teksten er SLOW"] {
                    let id = try await Self.sentRequest(client, dk, users: users, clock: clock, freeText: text)
                    let started = ContinuousClock.now
                    let failed = try await client.api(.post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text"}"#)
                    #expect(failed.status == .serviceUnavailable && failed.headers[.contentType] == "application/problem+json")
                    // Far from the 25-second answer, with room for a loaded machine's database waits around the 1-second call.
                    #expect(ContinuousClock.now - started < .seconds(18), "the one-second timeout holds, not the 25-second answer")
                    let session = try await SignInWebTests.webSignIn(client, users["si.handler"]!, clock: clock)
                    let cookie: HTTPFields = [
                        .cookie: "openimi_session=\(session.session)", .contentType: "application/x-www-form-urlencoded",
                    ]
                    let form = try await client.execute(
                        uri: "/requests/\(id)/translations", method: .post, headers: cookie,
                        body: ByteBuffer(string: "_csrf=\(session.csrf)&text=free-text"))
                    #expect(form.status == .seeOther && form.headers[.location]?.hasSuffix("?problem=translation-unavailable") == true)
                    let page = try await client.execute(uri: form.headers[.location]!, method: .get, headers: cookie)
                    #expect(page.status == .ok && page.text.contains(#"id="problem""#) && page.text.contains(text))
                }
                let rows = try await platform.database.sql.select().column("status").from("machine_translation").all()
                #expect(rows.isEmpty, "no translation is kept from a failure")
                #expect(received.all.count == 4)
            }
        }
    }

    @Test func eTranslationAnswersThroughItsCallbackWithTheSecretReference() async throws {
        try await TranslationStandIn.run { port, received in
            let clock = ManualClock()
            try await TestApp.runOnPlatform(config: try Self.config(port: port, kind: .etranslation), clock: clock) {
                client, platform, users in
                let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
                let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
                let id = try await Self.sentRequest(client, dk, users: users, clock: clock)
                let pending = try await client.api(
                    .post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text","language":"sl"}"#)
                #expect(try pending.status == .accepted && pending.json()["status"] as? String == "pending", "\(pending.text)")
                let sent = try JSONSerialization.jsonObject(with: Data(try #require(received.all.first).utf8)) as? [String: Any]
                #expect(sent?["textToTranslate"] as? String == Self.danishText)
                #expect(sent?["sourceLanguage"] as? String == "DA" && sent?["targetLanguages"] as? [String] == ["SL"])
                #expect((sent?["requesterCallback"] as? String)?.hasSuffix("/api/v1/machine-translations/etranslation") == true)
                let reference = try #require(sent?["externalReference"] as? String)

                func callback(_ body: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: "/api/v1/machine-translations/etranslation", method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
                }
                #expect(
                    try await callback("request-id=4711&target-language=SL&translated-text=guessed&external-reference=wrong").status
                        == .notFound)
                #expect(try await callback("request-id=4711&target-language=SL&external-reference=\(reference)").status == .badRequest)
                let delivered = try await callback(
                    "request-id=4711&target-language=SL&translated-text=Vloga+za+dovoljenje&external-reference=\(reference)")
                #expect(delivered.status == .noContent)
                #expect(try await callback("request-id=4711&translated-text=again&external-reference=\(reference)").status == .notFound)

                let ready = try await client.api(.post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text","language":"sl"}"#)
                #expect(try ready.status == .ok && ready.json()["translation"] as? String == "Vloga za dovoljenje")
                #expect(received.all.count == 1)
            }
        }
    }

    @Test func sensitiveAnswersAreNeverSentAndTwoAsksAtOnceSendOnce() async throws {
        try await TranslationStandIn.run { port, received in
            let clock = ManualClock()
            try await TestApp.runOnPlatform(config: try Self.config(port: port, timeout: 60), clock: clock) { client, platform, users in
                let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
                let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
                let siAdmin = try await TestApp.apiToken(client, users["si.admin"]!, clock: clock)
                let id = try await Self.sentRequest(
                    client, dk, users: users, clock: clock, freeText: "Teksten er SLOW",
                    questions: #"["legally-established","sanction-details","comments"]"#)
                var version = try #require(
                    try await client.api(.post, "/api/v1/requests/\(id)/steps", si, #"{"action":"accept","version":2}"#).json()["version"]
                        as? Int)
                for (question, body) in [
                    ("sanction-details", #""value":"Opozorilo leta 2021","justification":"Potrebno za odločitev","language":"sl""#),
                    ("comments", #""value":"Zdravnik dela v Mariboru","language":"sl""#),
                ] {
                    let answered = try await client.api(
                        .put, "/api/v1/requests/\(id)/answers/\(question)", si, #"{\#(body),"version":\#(version)}"#)
                    #expect(answered.status == .ok, "\(answered.text)")
                    version = try answered.json()["version"] as? Int ?? version
                }
                let sensitive = try await client.api(
                    .post, "/api/v1/requests/\(id)/translations", dk, #"{"text":"answer:sanction-details","language":"da"}"#)
                #expect(sensitive.status == .notFound, "an answer on sanctions is never sent")
                let comment = try await client.api(
                    .post, "/api/v1/requests/\(id)/translations", dk, #"{"text":"answer:comments","language":"da"}"#)
                #expect(try comment.status == .ok && comment.json()["translation"] as? String == "[da] Zdravnik dela v Mariboru")
                let noRole = try await client.api(
                    .post, "/api/v1/requests/\(id)/translations", siAdmin, #"{"text":"free-text","language":"sl"}"#)
                #expect(noRole.status == .notFound, "an involved authority's user without the area's role gets nothing")
                #expect(!received.all.contains { $0.contains("Opozorilo") })

                // Two asks for the same slow translation at once: the second finds the first's claim.
                async let first = client.api(.post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text","language":"sl"}"#)
                async let second = client.api(.post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text","language":"sl"}"#)
                let statuses = Set([try await first.status, try await second.status])
                #expect(statuses == [.ok, .accepted], "\(statuses)")
                #expect(received.all.filter { $0.contains("SLOW") }.count == 1, "the text was sent once")
                let log = try await AccessLog(sql: platform.database.sql).entries(of: UUID(uuidString: id)!)
                #expect(log.filter { $0.operation == "disclose" }.count == 2, "one disclosure per text sent")
                #expect(
                    log.contains { $0.operation == "read" && $0.purpose == "api:machine-translation" },
                    "a kept translation handed out is a logged read")
            }
        }
    }

    @Test func withoutConfigurationNothingIsOfferedAndExposedCredentialsAreRefused() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let id = try await Self.sentRequest(client, dk, users: users, clock: clock)
            let refused = try await client.api(.post, "/api/v1/requests/\(id)/translations", si, #"{"text":"free-text"}"#)
            #expect(refused.status == .notFound)
            let session = try await SignInWebTests.webSignIn(client, users["si.handler"]!, clock: clock)
            let page = try await client.execute(
                uri: "/requests/\(id)", method: .get, headers: [.cookie: "openimi_session=\(session.session)"])
            #expect(page.text.contains("Danish") && !page.text.contains("/translations"), "no button without a provider")
        }
        let exposed = TranslationSettings(
            kind: .libretranslate, url: URL(string: "http://127.0.0.1:9")!, credentialsFile: try Self.credentials("key", mode: 0o644))
        #expect(throws: TranslationError.self) { try exposed.credentials() }
        #expect(TranslatableText(rawValue: "comment:99999999") == nil && TranslatableText(rawValue: "answer:a:b") == nil)
        #expect(TranslatableText(rawValue: "answer:legally-established") == .answer(question: "legally-established"))
    }
}
