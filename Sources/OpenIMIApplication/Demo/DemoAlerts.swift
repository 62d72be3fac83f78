import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// A demo alert as listed in the seed output: where it stands, who takes part, whom it is about.
public struct DemoAlertEntry: Codable, Sendable {
    /// The alert's id.
    public let id: String
    /// Its number.
    public let number: String
    /// Its state.
    public let state: String
    /// Its procedure.
    public let procedure: String
    /// The sending authority's id.
    public let senderId: String
    /// The member states it was sent to.
    public let recipientStates: [String]
    /// The authorities it was routed to.
    public let routedTo: [String]
    /// The professional's or provider's name.
    public let subjectName: String
}

/// Creates demo alerts between the demo authorities: drafts (one late), sent, routed and
/// acknowledged, amended, closed and withdrawn, professional-qualifications and Services alerts.
public struct DemoAlerts {
    /// The platform to load into.
    public let platform: Platform

    private enum Step {
        case send([String] = [])
        case route(String, by: String)
        case acknowledge(by: String)
        case amend([String: String])
        case close
        case withdraw
    }

    /// Creates the alerts unless there are already some; returns what it created.
    public func load() async throws -> [DemoAlertEntry] {
        let alerts = platform.alerts
        guard try await !hasAlerts() else { return [] }
        let now = platform.clock.now()
        func day(_ offset: Int) -> String { DateText.day(now.addingTimeInterval(Double(offset) * 86_400)) }
        func professional(_ given: String, _ family: String, _ born: String, _ profession: String, decided: Int) -> [String: String] {
            [
                "given-names": given, "family-names": family, "date-of-birth": born, "profession": profession, "ground": "prohibited",
                "deciding-body": "Disciplinary board for health professionals", "decision-date": day(decided),
                "scope": "Prohibited from practising \(profession.lowercased()) in any setting", "period-start": day(decided),
                "professional-informed": "yes",
            ]
        }
        func provider(_ name: String, _ identifier: String, _ state: String, _ activity: String) -> [String: String] {
            [
                "provider-name": name, "provider-identifier": identifier, "establishment-state": state, "activity": activity,
                "risk": "Gas installations left without the required safety checks",
            ]
        }
        let plan: [(String, String, [String: String], Int, [Step])] = [
            ("dk.alerts", "pq-alert", professional("Henrik", "Lund", "1975-04-12", "Nurse", decided: -1), 0, []),
            ("dk.alerts", "pq-alert", professional("Lene", "Dahl", "1981-08-30", "Midwife", decided: -6), 0, []),
            ("dk.alerts", "pq-alert", professional("Birgitte", "Holm", "1969-01-22", "Physiotherapist", decided: -2), -1, [.send()]),
            (
                "de.alerts", "pq-alert", professional("Thomas", "Becker", "1970-10-05", "Doctor", decided: -8), -7,
                [
                    .send(), .route("b11b104b-62b7-5682-8d2d-9b8110c6b6bd", by: "si.nimic"), .acknowledge(by: "si.alerts"),
                    .amend(["period-end": day(60)]),
                ]
            ),
            (
                "si.alerts", "pq-alert", professional("Jure", "Kralj", "1983-03-14", "Dentist", decided: -20), -19,
                [.send(), .route("8895dad9-a9de-583d-84b7-88df59ceec25", by: "de.nimic"), .close]
            ),
            (
                "si.services", "services-alert", provider("Plin Montaža d.o.o.", "SI 8765432", "SI", "Installation of gas heating"), -3,
                [.send(["DK", "DE"]), .route("6fec20c9-bf79-503c-a5e6-ca6ccf3b8470", by: "de.nimic")]
            ),
            (
                "dk.services", "services-alert", provider("Nordlys Byg ApS", "DK 31415926", "DK", "Roofing on public buildings"), -5,
                [.send(["SI"]), .withdraw]
            ),
        ]
        var entries: [DemoAlertEntry] = []
        for (username, procedure, values, start, steps) in plan {
            let sender = try await DemoPrincipal.named(username, in: platform)
            let begin = now.addingTimeInterval(Double(start) * 86_400 - 3_600)
            var alert = try await alerts.createDraft(
                NewAlert(procedure: procedure, values: values, language: .en), by: sender, now: begin)
            for (index, step) in steps.enumerated() {
                let at = begin.addingTimeInterval(Double(index + 1) * 600)
                switch step {
                case .send(let states):
                    alert = try await alerts.send(
                        alert.id, to: states.compactMap(MemberStateCode.init(rawValue:)), expectedVersion: alert.version, by: sender,
                        now: at)
                case .route(let authority, let coordinator):
                    alert = try await alerts.route(
                        alert.id, to: [UUID(uuidString: authority)!], expectedVersion: alert.version,
                        by: try await DemoPrincipal.named(coordinator, in: platform), now: at)
                case .acknowledge(let handler):
                    alert = try await alerts.acknowledge(
                        alert.id, expectedVersion: alert.version, by: try await DemoPrincipal.named(handler, in: platform), now: at)
                case .amend(let changes):
                    alert = try await alerts.amend(
                        alert.id, values: alert.content.values.merging(changes) { _, new in new }, language: .en,
                        expectedVersion: alert.version, by: sender, now: at)
                case .close, .withdraw:
                    alert = try await alerts.finish(
                        alert.id, { if case .close = step { .close } else { .withdraw } }(), expectedVersion: alert.version, by: sender,
                        now: at)
                }
            }
            entries.append(
                DemoAlertEntry(
                    id: alert.id.description, number: alert.number.description, state: alert.state.rawValue,
                    procedure: alert.procedure.rawValue, senderId: alert.sender.uuidString.lowercased(),
                    recipientStates: alert.deliveries.keys.map(\.rawValue).sorted(),
                    routedTo: alert.deliveries.values.flatMap(\.routedTo).map { $0.uuidString.lowercased() }.sorted(),
                    subjectName: values["provider-name"] ?? "\(values["given-names"] ?? "") \(values["family-names"] ?? "")"))
        }
        return entries
    }

    private func hasAlerts() async throws -> Bool {
        try await platform.database.sql.select().column("id").from("alert").limit(1).first() != nil
    }
}
