import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIWeb

/// A person's rights through the register of the authority that holds their data: the 30-day
/// deadline driven by the clock, finding, exporting (JSON and a signed PDF in the person's
/// language), correcting with the counterpart told, erasing with a receipt; the line to the
/// national coordinator; consent; the supervisory export; the notices.
@Suite struct DataSubjectRightsTests {
    static func day(_ date: Date) -> String { String(ISO8601DateFormatter().string(from: date).prefix(10)) }

    @Test func aRightsRequestIsFoundExportedCorrectedAndShownOverdueAfterThirtyDays() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let admin = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            let received = Self.day(clock.now())
            let created = try await client.api(
                .post, "/api/v1/rights-requests", admin,
                #"{"kind":"rectification","subject":{"kind":"person","givenNames":"Søren","familyNames":"Østergaard","dateOfBirth":"1965-02-17"},"identification":"Passport checked at the desk","language":"da","receivedOn":"\#(received)"}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let entry = try created.json()
            let id = try #require(entry["id"] as? String)
            #expect(entry["overdue"] as? Bool == false && entry["dueOn"] as? String != received)

            // Found: the one request about her; its personal data are in the export.
            let found = try #require(
                try await client.api(.get, "/api/v1/rights-requests/\(id)/data", admin).json()["requests"] as? [[String: Any]])
            #expect(found.count == 1)
            let requestID = try #require(found.first?["id"] as? String)
            let export = try await client.api(.get, "/api/v1/rights-requests/\(id)/export", admin)
            #expect(
                export.status == .ok && export.text.contains("Østergaard") && export.text.contains("1702654321"),
                "\(export.text.prefix(300))")
            let pdf = try await client.api(.get, "/api/v1/rights-requests/\(id)/export.pdf", admin)
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf")

            // Corrected: the request changes, the old value only as its hash, the counterpart is told and applies it.
            let corrected = try await client.api(
                .post, "/api/v1/rights-requests/\(id)/corrections", admin,
                #"{"request":"\#(requestID)","field":"familyNames","value":"Østergaard-Holm"}"#)
            #expect(corrected.status == .noContent, "\(corrected.text)")
            let handler = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/requests/\(requestID)", handler).text.contains("Østergaard-Holm"))
            let stored = try await platform.database.sql.raw("SELECT old_value_digest FROM data_correction").first()?
                .decode(column: "old_value_digest", as: String.self)
            // The old value is kept only under the request's own key: a plain hash could be guessed from.
            #expect(stored != nil && stored != ContentDigest.sha256(Data("Østergaard".utf8)) && stored?.count == 64)
            let dataKey = try await DataKeyRepository(sql: platform.database.sql, ring: platform.requests.keys).key(for: requestID)
            #expect(stored == dataKey.digest("Østergaard", context: "data_correction/\(requestID)/familyNames"))
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let pending = try #require(try await client.api(.get, "/api/v1/corrections", si).json()["corrections"] as? [[String: Any]])
            #expect(pending.count == 1 && pending.first?["appliedAt"] == nil)
            let correctionID = try #require(pending.first?["id"] as? String)
            #expect(try await client.api(.post, "/api/v1/corrections/\(correctionID)/application", si).status == .ok)
            #expect(
                (try await client.api(.get, "/api/v1/corrections", si).json()["corrections"] as? [[String: Any]])?.first?["appliedAt"]
                    != nil)
            // A rectification entry erases nothing.
            #expect(
                try await client.api(.post, "/api/v1/rights-requests/\(id)/erasures", admin, #"{"request":"\#(requestID)"}"#).status
                    == .unprocessableContent)

            // Thirty days later it is still due; the day after it is overdue, for the authority and its national coordinator only.
            // Noon of the due day, not thirty days to the second: every sign-in above moved the clock on, and a run that
            // starts shortly before midnight (UTC) would otherwise land on the day after.
            let dueOn = try #require(entry["dueOn"] as? String)
            let dueNoon = try #require(ISO8601DateFormatter().date(from: dueOn + "T12:00:00Z"))
            #expect(dueNoon.timeIntervalSince(clock.now()) > 29 * 86_400)
            clock.advance(by: dueNoon.timeIntervalSince(clock.now()))
            var admin2 = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/rights-requests/\(id)", admin2).json()["overdue"] as? Bool == false)
            clock.advance(by: 86_400)
            admin2 = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            let handler2 = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/rights-requests/\(id)", admin2).json()["overdue"] as? Bool == true)
            let nimic = try await TestApp.apiToken(client, users["dk.nimic"]!, clock: clock)
            let overdue = try #require(
                try await client.api(.get, "/api/v1/rights-requests/overdue", nimic).json()["overdue"] as? [[String: Any]])
            #expect(overdue.count == 1 && !String(describing: overdue).contains("Østergaard"))
            let siNimic = try await TestApp.apiToken(client, users["si.nimic"]!, clock: clock)
            #expect(
                (try await client.api(.get, "/api/v1/rights-requests/overdue", siNimic).json()["overdue"] as? [[String: Any]])?.isEmpty
                    == true)
            #expect(try await client.api(.get, "/api/v1/rights-requests/\(id)", handler2).status == .forbidden)
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.admin"]!, clock: clock)
            let register = try await browser.get("/rights-requests?lang=da")
            #expect(register.text.contains("Register over borgeres anmodninger") && register.text.contains("class=\"overdue\""))
            let nimicBrowser = try await RequestPagesTests.Browser.signIn(client, users["dk.nimic"]!, clock: clock)
            #expect(try await nimicBrowser.get("/rights-requests/overdue?lang=sl").text.contains("Popravek"))

            // Answered, it is no longer overdue.
            let answered = try await client.api(
                .post, "/api/v1/rights-requests/\(id)/answer", admin2,
                #"{"status":"completed","outcome":"Family name corrected","version":1}"#)
            let answeredOverdue = try answered.json()["overdue"] as? Bool
            #expect(answered.status == .ok && answeredOverdue == false)
            #expect(
                (try await client.api(.get, "/api/v1/rights-requests/overdue", nimic).json()["overdue"] as? [[String: Any]])?.isEmpty
                    == true)

            // From the outside: the exported PDF reads in the person's language, with their data.
            let text = try ExternalTool.run(
                "pdftotext", [try ExternalTool.temporaryFile(Array(buffer: pdf.body), name: "export.pdf"), "-"])
            #expect(
                text.output.contains("Dine personoplysninger i IMI") && text.output.contains("Østergaard"), "\(text.output.prefix(400))")
        }
    }

    @Test func unlawfullyProcessedDataAreErasedWithAReceiptAndBlockedOnesContested() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            _ = try await platform.retention.run(asOf: clock.now())
            let admin = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            func entry(_ kind: String) async throws -> String {
                let created = try await client.api(
                    .post, "/api/v1/rights-requests", admin,
                    #"{"kind":"\#(kind)","subject":{"kind":"person","givenNames":"Karen","familyNames":"Møller","dateOfBirth":"1969-05-05"},"identification":"Identity card","language":"en","receivedOn":"\#(Self.day(clock.now()))"}"#
                )
                return try #require(try created.json()["id"] as? String)
            }
            let contest = try await entry("rectification")
            let found = try #require(
                try await client.api(.get, "/api/v1/rights-requests/\(contest)/data", admin).json()["requests"] as? [[String: Any]])
            #expect(found.first?["retentionPhase"] as? String == "blocked")
            let requestID = try #require(found.first?["id"] as? String)
            // Blocked data are not corrected but contested, the corrected value kept sealed.
            #expect(
                try await client.api(
                    .post, "/api/v1/rights-requests/\(contest)/corrections", admin,
                    #"{"request":"\#(requestID)","field":"familyNames","value":"Moeller"}"#
                )
                .status == .gone)
            #expect(
                try await client.api(
                    .post, "/api/v1/rights-requests/\(contest)/contests", admin,
                    #"{"request":"\#(requestID)","field":"familyNames","value":"Moeller"}"#
                )
                .status == .noContent)
            let sealed = try await platform.database.sql.raw("SELECT corrected_value FROM blocked_data_contest").first()?.decode(
                column: "corrected_value", as: String.self)
            #expect(sealed != nil && sealed?.contains("Moeller") == false)
            // The export opens the blocked data for the entry, recorded as such.
            #expect(try await client.api(.get, "/api/v1/rights-requests/\(contest)/export", admin).text.contains("Møller"))
            let openings = try await platform.database.sql.raw("SELECT rights_request_reference FROM blocked_data_opening").all()
            let reference = try openings.first?.decode(column: "rights_request_reference", as: String.self)
            #expect(openings.count == 1 && reference == contest)

            let erasure = try await entry("erasure")
            #expect(
                try await client.api(.post, "/api/v1/rights-requests/\(erasure)/erasures", admin, #"{"request":"\#(requestID)"}"#).status
                    == .noContent)
            let receipt = try await platform.database.sql.raw("SELECT reason FROM deletion_receipt WHERE request_id = \(bind: requestID)")
                .first()?
                .decode(column: "reason", as: String.self)
            #expect(receipt == "erasure")
            #expect(
                try await client.api(.post, "/api/v1/rights-requests/\(erasure)/erasures", admin, #"{"request":"\#(requestID)"}"#).status
                    == .notFound)
            // A restriction blocks an active request at once, logged for the entry.
            let restriction = try await client.api(
                .post, "/api/v1/rights-requests", admin,
                #"{"kind":"restriction","subject":{"kind":"person","givenNames":"Mette","familyNames":"Kjær","dateOfBirth":"1979-11-03"},"identification":"Identity card","language":"da","receivedOn":"\#(Self.day(clock.now()))"}"#
            )
            let restrictionID = try #require(try restriction.json()["id"] as? String)
            let mette = try #require(
                try await client.api(.get, "/api/v1/rights-requests/\(restrictionID)/data", admin).json()["requests"] as? [[String: Any]])
            let metteID = try #require(mette.first?["id"] as? String)
            #expect(
                try await client.api(.post, "/api/v1/rights-requests/\(restrictionID)/restrictions", admin, #"{"request":"\#(metteID)"}"#)
                    .status == .noContent)
            let handler = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/requests/\(metteID)", handler).status == .gone)
            let blockPurpose = try await platform.database.sql.raw(
                "SELECT purpose FROM access_log WHERE request_id = \(bind: metteID) AND operation = 'block'"
            ).first()?.decode(column: "purpose", as: String.self)
            #expect(blockPurpose == "rights:restriction:\(restrictionID):restrict")
            // Another authority's administrator cannot act on it.
            let si = try await TestApp.apiToken(client, users["si.admin"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/rights-requests/\(erasure)", si).status == .notFound)
            try await Self.expectEveryLogEntryInTheVocabulary(platform)
        }
    }

    @Test func questionsReachTheNationalCoordinatorOfTheAskersStateAndAnswersReturn() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, _, users in
            let handler = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let asked = try await client.api(
                .post, "/api/v1/coordinator-questions", handler,
                #"{"subject":"Sanktioner","text":"Må vi sende oplysninger om en advarsel?"}"#)
            #expect(asked.status == .created, "\(asked.text)")
            let id = try #require(try asked.json()["id"] as? String)
            #expect(
                try await client.api(.post, "/api/v1/coordinator-questions", handler, #"{"subject":"","text":"x"}"#).status
                    == .unprocessableContent)
            let siNimic = try await TestApp.apiToken(client, users["si.nimic"]!, clock: clock)
            #expect(
                (try await client.api(.get, "/api/v1/coordinator-questions/inbox", siNimic).json()["questions"] as? [[String: Any]])?
                    .isEmpty == true)
            #expect(try await client.api(.get, "/api/v1/coordinator-questions/\(id)", siNimic).status == .notFound)
            #expect(
                try await client.api(.post, "/api/v1/coordinator-questions/\(id)/answer", siNimic, #"{"answer":"Ja"}"#).status == .notFound)
            let nimic = try await TestApp.apiToken(client, users["dk.nimic"]!, clock: clock)
            let inbox = try #require(
                try await client.api(.get, "/api/v1/coordinator-questions/inbox", nimic).json()["questions"] as? [[String: Any]])
            #expect(inbox.count == 1 && inbox.first?["status"] as? String == "open")
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.nimic"]!, clock: clock)
            #expect(try await browser.get("/questions?lang=da").text.contains("Må vi sende oplysninger om en advarsel?"))
            _ = try await browser.post("/questions/\(id)/answer", [("answer", "Ja, hvis retsakten tillader det.")])
            #expect(
                try await client.api(.post, "/api/v1/coordinator-questions/\(id)/answer", nimic, #"{"answer":"Igen"}"#).status == .conflict)
            let mine = try #require(
                try await client.api(.get, "/api/v1/coordinator-questions", handler).json()["questions"] as? [[String: Any]])
            #expect(mine.first?["answer"] as? String == "Ja, hvis retsakten tillader det.")
            #expect(try await client.api(.get, "/api/v1/coordinators?kind=national", handler).text.contains("\"DK\""))
        }
    }

    @Test func consentGatesSanctionsDataAndItsWithdrawalStopsProcessingAndDeletesTheData() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            // Luka Novak's request: Slovenia asked, Germany accepted. The area is made to rest on consent.
            let request = try #require(try PersonalDataAtRestTests.demoRequests(platform).first { $0.subjectName.contains("Novak") })
            try await platform.database.transaction { sql in
                try await sql.raw("UPDATE legal_area SET consent_is_legal_basis = \(bind: true) WHERE code = 'professional-qualifications'")
                    .run()
            }
            let de = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            func version() async throws -> Int {
                try #require(try await client.api(.get, "/api/v1/requests/\(request.id)", de).json()["version"] as? Int)
            }
            let sanctions = #"{"value":"no","justification":"Necessary to decide on the authorisation","version":\#(try await version())}"#
            let refused = try await client.api(.put, "/api/v1/requests/\(request.id)/answers/disciplinary-sanctions", de, sanctions)
            #expect(refused.status == .unprocessableContent && refused.text.contains("consent-required"), "\(refused.text)")
            let givenAt = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(-3600))
            func consent(_ purpose: String) -> String {
                #"{"purpose":"\#(purpose)","givenBy":"Luka Novak","language":"sl","wordingVersion":"2026-1","givenAt":"\#(givenAt)"}"#
            }
            #expect(
                try await client.api(.post, "/api/v1/requests/\(request.id)/consents", de, consent("sanctions-data")).status == .created)
            let allowed = try await client.api(.put, "/api/v1/requests/\(request.id)/answers/disciplinary-sanctions", de, sanctions)
            #expect(allowed.status == .ok, "\(allowed.text)")
            // Consent to the processing itself; once withdrawn, nothing more is done and retention deletes the data.
            let processing = try await client.api(.post, "/api/v1/requests/\(request.id)/consents", de, consent("processing"))
            let consentID = try #require(try processing.json()["id"] as? String)
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            #expect(try await client.api(.post, "/api/v1/requests/\(request.id)/consents/\(consentID)/withdrawal", dk).status == .notFound)
            #expect(try await client.api(.post, "/api/v1/requests/\(request.id)/consents/\(consentID)/withdrawal", de).status == .ok)
            #expect(try await client.api(.post, "/api/v1/requests/\(request.id)/consents/\(consentID)/withdrawal", de).status == .conflict)
            let stopped = try await client.api(
                .put, "/api/v1/requests/\(request.id)/answers/legally-established", de,
                #"{"value":"yes","version":\#(try await version())}"#)
            #expect(stopped.status == .conflict && stopped.text.contains("consent-withdrawn"), "\(stopped.text)")
            let outcome = try await platform.retention.run(asOf: clock.now())
            #expect(outcome.deleted >= 1)
            #expect(try await client.api(.get, "/api/v1/requests/\(request.id)", de).status == .gone)
            let reason = try await platform.database.sql.raw("SELECT reason FROM deletion_receipt WHERE request_id = \(bind: request.id)")
                .first()?
                .decode(column: "reason", as: String.self)
            #expect(reason == "consent-withdrawn")
            #expect(
                try await client.api(
                    .post, "/api/v1/requests/\(request.id)/consents", de,
                    #"{"purpose":"nothing","givenBy":"x","language":"sl","wordingVersion":"2026-1","givenAt":"\#(givenAt)"}"#
                )
                .status == .badRequest)
            try await Self.expectEveryLogEntryInTheVocabulary(platform)
        }
    }

    @Test func theSupervisoryExportIsSignedAndTheNoticesSpeakThePersonsLanguage() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let request = try #require(try PersonalDataAtRestTests.demoRequests(platform).first { $0.subjectName.contains("Mette") })
            let admin = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            let from = Self.day(clock.now().addingTimeInterval(-30 * 86_400)), through = Self.day(clock.now())
            let export = try await client.api(
                .get, "/api/v1/authorities/\(request.requesterId)/supervisory-export?from=\(from)&through=\(through)", admin)
            #expect(export.status == .ok && export.headers[.contentType] == "application/jose", "\(export.text.prefix(200))")
            let jws = try #require(CompactJWS(serialized: export.text))
            #expect(jws.isSigned(by: try platform.keys.current().privateKey.publicKey))
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(jws.payload)) as? [String: Any])
            let requests = try #require(payload["requests"] as? [[String: Any]])
            #expect(requests.contains { $0["id"] as? String == request.id && ($0["counterpartStates"] as? [String]) == ["SI"] })
            #expect(requests.allSatisfy { ($0["categories"] as? [String])?.contains("sanctions-data") == true })
            let entries = try #require((payload["log"] as? [String: Any])?["entries"] as? [[String: Any]])
            // The payload names no one (the compact JWS itself is base64url, where any two letters may occur).
            let payloadText = String(decoding: jws.payload, as: UTF8.self)
            #expect(!entries.isEmpty && !payloadText.contains("Kjær") && !payloadText.contains("Mette"))
            let si = try await TestApp.apiToken(client, users["si.admin"]!, clock: clock)
            #expect(
                try await client.api(
                    .get, "/api/v1/authorities/\(request.requesterId)/supervisory-export?from=\(from)&through=\(through)", si
                ).status
                    == .forbidden)
            let nimic = try await TestApp.apiToken(client, users["dk.nimic"]!, clock: clock)
            #expect(
                try await client.api(
                    .get, "/api/v1/authorities/\(request.requesterId)/supervisory-export?from=\(from)&through=\(through)", nimic
                )
                .status == .ok)
            #expect(
                try await client.api(
                    .get, "/api/v1/authorities/\(request.requesterId)/supervisory-export?from=\(through)&through=\(from)", admin
                )
                .status == .badRequest)

            // The information notice in Slovenian (PDF) and Danish (page); the public privacy notice in all three languages.
            let handler = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let notice = try await client.api(.get, "/api/v1/requests/\(request.id)/information-notice?language=sl", handler)
            #expect(notice.status == .ok && notice.headers[.contentType] == "application/pdf")
            #expect(
                try await client.api(.get, "/api/v1/requests/\(request.id)/information-notice?language=xx", handler).status == .badRequest)
            #expect(try await client.api(.get, "/api/v1/requests/\(request.id)/information-notice", si).status == .notFound)
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            #expect(try await browser.get("/requests/\(request.id)/information-notice?language=da").text.contains("Hvem udvekslede dem"))
            let requestPage = try await browser.get("/requests/\(request.id)?lang=sl")
            #expect(
                requestPage.text.contains("Obvestilo za zadevno osebo") && requestPage.text.contains("/requests/\(request.id)/consents"))
            #expect(try await browser.get("/requests/\(request.id)/consents?lang=da").text.contains("Samtykker"))
            for (language, title) in [
                ("en", "Privacy notice"), ("da", "Oplysning om databeskyttelse"), ("sl", "Obvestilo o varstvu podatkov"),
            ] {
                #expect(try await client.execute(uri: "/privacy?lang=\(language)", method: .get).text.contains(title))
            }

            // From the outside: the notice reads in Slovenian and its signature is valid.
            let text = try ExternalTool.run(
                "pdftotext", [try ExternalTool.temporaryFile(Array(buffer: notice.body), name: "notice.pdf"), "-"])
            #expect(
                text.output.contains("Obvestilo: vaši osebni podatki v sistemu IMI") && text.output.contains("CELEX"),
                "\(text.output.prefix(300))")
            let pdfsig = try ExternalTool.run(
                "pdfsig", [try ExternalTool.temporaryFile(Array(buffer: notice.body), name: "notice-signed.pdf")])
            #expect(pdfsig.output.contains("Signature is Valid."))
        }
    }

    /// Every access-log entry written so far speaks the closed vocabulary of operations and purposes.
    static func expectEveryLogEntryInTheVocabulary(_ platform: Platform) async throws {
        let rows = try await platform.database.sql.raw("SELECT operation, purpose FROM access_log").all()
        #expect(!rows.isEmpty)
        for row in rows {
            let operation = try row.decode(column: "operation", as: String.self)
            let purpose = try row.decode(column: "purpose", as: String.self)
            #expect(AccessOperation(rawValue: operation) != nil && AccessPurpose(rawValue: purpose) != nil, "\(operation) \(purpose)")
        }
    }
}
