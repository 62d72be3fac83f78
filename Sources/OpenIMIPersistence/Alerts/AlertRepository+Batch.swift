import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

extension AlertRepository {
    /// Inserts many alerts at once, each with its own data key, for benchmarks and bulk loads; moves
    /// the number sequences past them. Run inside a transaction.
    public func insert(batch alerts: [Alert], now: Date) async throws {
        try await RequestNumberRepository(sql: sql, sequence: .alerts).reserve(alerts.map(\.number.parts))
        // Chunks small enough that no statement passes SQLite's limit of bound parameters.
        for chunk in stride(from: 0, to: alerts.count, by: 100).map({ alerts[$0..<min($0 + 100, alerts.count)] }) {
            let keys = try chunk.map { (requestID: $0.id.description, key: try dataKeys.newKey()) }
            let rows = sql.insert(into: "alert")
                .columns(
                    "id", "number", "procedure", "legal_area", "template_version", "sender_id", "sender_state", "state", "version",
                    "personal_data", "decision_day", "created_at", "updated_at", "sent_at", "finished_at")
            for (alert, key) in zip(chunk, keys) {
                let id = alert.id.description
                let decided = alert.contents.last?.values["decision-date"].flatMap(AlertTemplate.day)
                rows.values(
                    SQLBind(id), SQLBind(alert.number.description), SQLBind(alert.procedure.rawValue), SQLBind(alert.legalArea.rawValue),
                    SQLBind(alert.templateVersion), SQLBind(alert.sender.uuidString.lowercased()), SQLBind(alert.senderState.rawValue),
                    SQLBind(alert.state.rawValue), SQLBind(alert.version),
                    SQLBind(try key.key.key.seal(JSONText.encode(alert.contents), context: Self.contentContext(id))),
                    SQLBind(decided?.epochSeconds), SQLBind(alert.steps[0].at.epochSeconds),
                    SQLBind((alert.steps.last?.at ?? now).epochSeconds), SQLBind(alert.sentAt?.epochSeconds),
                    SQLBind(alert.finishedAt?.epochSeconds))
            }
            try await rows.run()
            try await dataKeys.store(keys, now: now)
            try await index(chunk.filter { $0.state != .draft })
            for alert in chunk {
                try await writeDeliveries(of: alert, now: alert.steps.last?.at ?? now)
            }
            let steps = chunk.flatMap { alert in alert.steps.enumerated().map { (alert.id, $0.offset, $0.element) } }
            for part in stride(from: 0, to: steps.count, by: 1000).map({ steps[$0..<min($0 + 1000, steps.count)] }) {
                let insert = sql.insert(into: "alert_step")
                    .columns("alert_id", "position", "action", "member_state", "user_id", "organisation_id", "at", "routed_to", "automatic")
                for (id, position, step) in part {
                    insert.values(
                        SQLBind(id.description), SQLBind(position), SQLBind(step.action?.rawValue), SQLBind(step.memberState?.rawValue),
                        SQLBind(step.actor.userID.description), SQLBind(step.actor.organisationID.uuidString.lowercased()),
                        SQLBind(step.at.epochSeconds), SQLBind(JSONText.encode(step.routedTo.map { $0.uuidString.lowercased() })),
                        SQLBind(step.automatic))
                }
                try await insert.run()
            }
        }
    }
}
