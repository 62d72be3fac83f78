import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit
import Testing

/// Alerts through the application layer on the demo data: a Danish alert handler sends a
/// professional-qualifications alert to every other state; the Slovenian national coordinator
/// routes it to the Medical Chamber; only the chamber's users with a role in the area read it;
/// everyone else gets nothing, not even that it exists; every read and write is logged.
@Suite struct AlertServiceTests {
    static let values = [
        "family-names": "Kjær", "given-names": "Mette", "date-of-birth": "1979-11-03", "profession": "Nurse",
        "ground": "restricted", "deciding-body": "Danish Patient Safety Authority", "decision-date": "2026-11-27",
        "scope": "May not administer controlled drugs", "period-start": "2026-11-27", "professional-informed": "yes",
    ]

    @Test func aQualificationsAlertReachesOnlyTheAuthoritiesItWasRoutedTo() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            func principal(_ username: String) async throws -> Principal {
                let token = try await TestApp.apiToken(client, users[username]!, clock: clock)
                return try #require(try await platform.identity.session(token: token, now: clock.now())).principal
            }
            let alerts = platform.alerts
            let sender = try await principal("dk.alerts")
            let nimic = try await principal("si.nimic")
            let chamber = try await principal("si.alerts")
            let chamberReader = try await principal("si.reader")
            let chamberRequests = try await principal("si.handler")
            let ministry = try await principal("si.ministry")
            let german = try await principal("de.alerts")
            let platformOperator = try await principal("operator")
            let now = clock.now()
            // The demo alert closed long ago is deleted first, so the runs below count only this test's alert.
            _ = try await platform.retention.run(asOf: now)

            await #expect(throws: AlertError.content(.missing("scope"))) {
                try await alerts.createDraft(
                    NewAlert(procedure: "pq-alert", values: Self.values.filter { $0.key != "scope" }, language: .da), by: sender, now: now)
            }
            await #expect(throws: IdentityError.self) {
                try await alerts.createDraft(
                    NewAlert(procedure: "pq-alert", values: Self.values, language: .da), by: chamberRequests, now: now)
            }
            let draft = try await alerts.createDraft(
                NewAlert(procedure: "pq-alert", values: Self.values, language: .da), by: sender, now: now)
            await #expect(throws: AlertError.notFound) {
                try await alerts.read(draft.id, by: nimic, purpose: .read(.api, .getAlert), now: now)
            }

            let sent = try await alerts.send(draft.id, to: [], expectedVersion: draft.version, by: sender, now: now)
            #expect(sent.state == .sent && sent.deliveries.count == 29 && sent.deliveries[MemberStateCode(rawValue: "DK")!] == nil)
            // Before routing, nobody in Slovenia reads the personal data; the coordinator sees only that it exists.
            for reader in [chamber, chamberReader, ministry, german, platformOperator] {
                await #expect(throws: AlertError.notFound) {
                    try await alerts.read(sent.id, by: reader, purpose: .read(.api, .getAlert), now: now)
                }
            }
            await #expect(throws: IdentityError.self) {
                try await alerts.read(sent.id, by: nimic, purpose: .read(.api, .getAlert), now: now)
            }

            let chamberID = try #require(chamber.organisation.id.uuid)
            let stranger = UUID()
            await #expect(throws: AlertError.unknownAuthority(stranger.uuidString.lowercased())) {
                try await alerts.route(sent.id, to: [stranger], expectedVersion: sent.version, by: nimic, now: now)
            }
            let routed = try await alerts.route(sent.id, to: [chamberID], expectedVersion: sent.version, by: nimic, now: now)
            #expect(routed.deliveries[MemberStateCode(rawValue: "SI")!]?.state == .routed)
            await #expect(throws: AlertError.notFound, "not its state's coordinator: the alert is not even there for it") {
                try await alerts.route(sent.id, to: [chamberID], expectedVersion: routed.version, by: german, now: now)
            }

            let read = try await alerts.read(sent.id, by: chamber, purpose: .read(.api, .getAlert), now: now)
            #expect(read.content.values["family-names"] == "Kjær")
            #expect(
                Array(read.deliveries.keys) == [MemberStateCode(rawValue: "SI")!],
                "a recipient sees its own state's delivery, not which authorities elsewhere were routed it")
            #expect(read.steps.allSatisfy { $0.memberState == nil || $0.memberState?.rawValue == "SI" })
            _ = try await alerts.read(sent.id, by: chamberReader, purpose: .read(.api, .getAlert), now: now)
            for outsider in [chamberRequests, ministry, german, platformOperator] {
                await #expect(throws: AlertError.self) {
                    try await alerts.read(sent.id, by: outsider, purpose: .read(.api, .getAlert), now: now)
                }
            }
            await #expect(throws: IdentityError.self) {
                try await alerts.acknowledge(sent.id, expectedVersion: routed.version, by: chamberReader, now: now)
            }
            let acknowledged = try await alerts.acknowledge(sent.id, expectedVersion: routed.version, by: chamber, now: now)
            #expect(acknowledged.deliveries[MemberStateCode(rawValue: "SI")!]?.acknowledgedBy == [chamberID])

            var amendedValues = Self.values
            amendedValues["period-end"] = "2027-05-27"
            let amended = try await alerts.amend(
                sent.id, values: amendedValues, language: .da, expectedVersion: acknowledged.version, by: sender, now: now)
            #expect(amended.contents.count == 2 && amended.contents[0].values["period-end"] == nil)
            await #expect(throws: AlertError.conflict(currentVersion: amended.version)) {
                try await alerts.finish(sent.id, .close, expectedVersion: acknowledged.version, by: sender, now: now)
            }

            // The signed evidence proves the alert's log entries, verifies like an exchange's, holds no personal data.
            let chamberToken = try await TestApp.apiToken(client, users["si.alerts"]!, clock: clock)
            let downloaded = try await client.api(.get, "/api/v1/alerts/\(sent.id)/evidence", chamberToken)
            #expect(downloaded.status == .ok && downloaded.headers[.contentType] == "application/jose")
            let identity = try platform.keys.current()
            let summary = try ExchangeEvidenceVerifier(trusted: identity.certificate).verify(downloaded.text)
            #expect(summary.kind == "alert" && summary.request == sent.id.description && summary.entries >= 6, "\(summary.entries)")
            let evidencePayload = String(decoding: try #require(CompactJWS(serialized: downloaded.text)).payload, as: UTF8.self)
            #expect(!evidencePayload.contains("Kjær") && evidencePayload.contains("api:get-evidence"))
            #expect(!evidencePayload.contains(#""memberState":"DE""#), "a recipient's evidence shows only its own state's delivery")
            let germanToken = try await TestApp.apiToken(client, users["de.alerts"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/alerts/\(sent.id)/evidence", germanToken).status == .notFound)
            let closed = try await alerts.finish(sent.id, .close, expectedVersion: amended.version, by: sender, now: now)
            #expect(closed.state == .closed && closed.finishedAt != nil)

            let log = try await AccessLog(sql: platform.database.sql).entries(of: sent.id.uuid)
            #expect(
                log.map(\.purpose).filter { $0.hasPrefix("alert:") } == [
                    "alert:create-draft", "alert:send", "alert:route", "alert:acknowledge", "alert:amend", "alert:close",
                ])
            #expect(log.filter { $0.purpose == "api:get-alert" }.count == 2, "each read of the personal data is logged")
            let stored = try await platform.database.sql.select().column("personal_data").from("alert").all()
            #expect(try stored.allSatisfy { !(try $0.decode(column: "personal_data", as: String.self)).contains("Kjær") }, "sealed at rest")

            // Three days after closing, the retention run deletes the personal data with a signed receipt.
            #expect(try await platform.retention.run(asOf: now.addingTimeInterval(2 * 86_400)).deletedAlerts == 0)
            #expect(try await platform.retention.run(asOf: now.addingTimeInterval(3 * 86_400 + 1)).deletedAlerts == 1)
            #expect(try await platform.retention.run(asOf: now.addingTimeInterval(4 * 86_400)).deletedAlerts == 0, "once")
            await #expect(throws: AlertError.personalDataDeleted) {
                try await alerts.read(sent.id, by: sender, purpose: .read(.api, .getAlert), now: now)
            }
            let keys = try await platform.database.sql.select().column("alert_id").from("alert_data_key")
                .where("alert_id", .equal, sent.id.description).all()
            #expect(keys.isEmpty)
            let receipt = try #require(
                try await platform.database.sql.select().column("receipt").from("alert_deletion_receipt")
                    .where("alert_id", .equal, sent.id.description).first()?.decode(
                        column: "receipt", as: String.self))
            let payload = String(decoding: try #require(CompactJWS(serialized: receipt)).payload, as: UTF8.self)
            #expect(payload.contains(sent.id.description) && !payload.contains("Kjær"))
            let deletions = try await AccessLog(sql: platform.database.sql).entries(of: sent.id.uuid).filter { $0.operation == "delete" }
            #expect(deletions.count == 1)
        }
    }

    @Test func throughTheAPIOnlyTheRoutedAuthorityReadsAndEveryRefusalIsAProblem() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            var tokens: [String: String] = [:]
            for name in ["dk.alerts", "si.nimic", "si.alerts", "si.handler", "de.alerts", "operator"] {
                tokens[name] = try await TestApp.apiToken(client, users[name]!, clock: clock)
            }
            let body = try String(
                decoding: JSONSerialization.data(withJSONObject: ["procedure": "pq-alert", "values": Self.values, "language": "da"]),
                as: UTF8.self)
            let refused = try await client.api(
                .post, "/api/v1/alerts", tokens["dk.alerts"]!, body.replacingOccurrences(of: "\"decision-date\"", with: "\"decision-day\""))
            #expect(refused.status == .unprocessableContent && refused.headers[.contentType] == "application/problem+json")
            let created = try await client.api(.post, "/api/v1/alerts", tokens["dk.alerts"]!, body)
            #expect(created.status == .created && created.headers[.location]?.hasPrefix("/api/v1/alerts/") == true, "\(created.text)")
            let id = try #require(try created.json()["id"] as? String)
            let sent = try await client.api(.post, "/api/v1/alerts/\(id)/steps", tokens["dk.alerts"]!, #"{"action":"send","version":1}"#)
            #expect(sent.status == .ok, "\(sent.text)")
            let version = try #require(try sent.json()["version"] as? Int)
            let chamber = try #require(users["si.alerts"]?.organisationId)
            let routed = try await client.api(
                .post, "/api/v1/alerts/\(id)/steps", tokens["si.nimic"]!,
                #"{"action":"route","version":\#(version),"authorities":["\#(chamber)"]}"#)
            #expect(
                routed.status == .ok && !routed.text.contains("Kjær") && !routed.text.contains("Nurse"),
                "routing shows no content: \(routed.text)")
            let read = try await client.api(.get, "/api/v1/alerts/\(id)", tokens["si.alerts"]!)
            #expect(read.status == .ok && read.text.contains("Kjær"))
            for outsider in ["si.handler", "de.alerts", "operator"] {
                let response = try await client.api(.get, "/api/v1/alerts/\(id)", tokens[outsider]!)
                #expect(response.status == .notFound && !response.text.contains("Kjær"), "\(outsider)")
            }
            let coordinator = try await client.api(.get, "/api/v1/alerts/\(id)", tokens["si.nimic"]!)
            #expect(
                coordinator.status == .ok && !coordinator.text.contains("Kjær"), "the coordinator sees that it exists, never its content")
            #expect(try coordinator.json()["content"] == nil && coordinator.json()["delivery"] != nil)
            let stale = try await client.api(.post, "/api/v1/alerts/\(id)/steps", tokens["dk.alerts"]!, #"{"action":"close","version":1}"#)
            #expect(stale.status == .conflict)
            let unknown = try await client.api(.get, "/api/v1/alerts/\(UUID().uuidString.lowercased())", tokens["dk.alerts"]!)
            #expect(unknown.status == .notFound)
        }
    }
}
