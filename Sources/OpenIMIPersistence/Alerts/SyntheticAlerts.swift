import Foundation
import OpenIMIDomain

/// Generated alerts for benchmarks: professional-qualifications alerts from authorities of every
/// state, each sent to every other state, most routed in each to one of its authorities and
/// acknowledged there, some closed, a few drafts; with invented professionals.
public enum SyntheticAlerts {
    /// `count` alerts between `authorities` (at least two states), created over the year before `now`.
    public static func alerts(
        count: Int, template: AlertTemplate, legalArea: LegalAreaCode, authorities: [(id: UUID, state: MemberStateCode)], now: Date
    ) -> [Alert] {
        var generator = SyntheticRequests.SplitMix(seed: 56)
        let byState = Dictionary(grouping: authorities, by: \.state)
        let states = byState.keys.sorted()
        var sequences: [String: Int] = [:]
        let days = ISO8601DateFormatter()
        days.formatOptions = [.withFullDate]
        return (0..<count).map { index in
            let sender = authorities[Int(generator.next() % UInt64(authorities.count))]
            let created = now.addingTimeInterval(-Double(generator.next() % (365 * 86_400)))
            let actor = StepActor(userID: UserID(sender.id), organisationID: sender.id)
            let roll = generator.next() % 100
            let state: AlertState = roll < 3 ? .draft : roll < 30 ? .closed : roll < 33 ? .withdrawn : .sent
            let day = days.string(from: created.addingTimeInterval(-86_400))
            let values = [
                "family-names": "Synthetic", "given-names": "Professional\(index)", "profession": "Nurse", "ground": "restricted",
                "deciding-body": "Board \(index % 97)", "decision-date": day, "scope": "Restricted practice", "period-start": day,
                "professional-informed": "yes",
            ]
            var steps = [AlertStep(action: nil, memberState: nil, actor: actor, at: created)]
            var deliveries: [MemberStateCode: AlertDelivery] = [:]
            let sentAt = created.addingTimeInterval(3_600)
            if state != .draft {
                steps.append(AlertStep(action: .send, memberState: nil, actor: actor, at: sentAt))
                for recipient in states where recipient != sender.state {
                    var delivery = AlertDelivery.received
                    if generator.next() % 10 != 0, let candidates = byState[recipient] {
                        let routed = candidates[Int(generator.next() % UInt64(candidates.count))].id
                        let acknowledged = generator.next() % 2 == 0
                        delivery = AlertDelivery(
                            state: acknowledged ? .acknowledged : .routed, routedTo: [routed], acknowledgedBy: acknowledged ? [routed] : [])
                        steps.append(
                            AlertStep(
                                action: .route, memberState: recipient, actor: actor, at: sentAt.addingTimeInterval(600),
                                routedTo: [routed],
                                automatic: true))
                    }
                    deliveries[recipient] = delivery
                }
            }
            if state == .closed || state == .withdrawn {
                steps.append(
                    AlertStep(
                        action: state == .closed ? .close : .withdraw, memberState: nil, actor: actor, at: sentAt.addingTimeInterval(86_400)
                    ))
            }
            let year = RequestNumber.year(of: created)
            let key = "\(sender.state.rawValue)-\(year)"
            let sequence = sequences[key, default: SyntheticRequests.firstSequence]
            sequences[key] = sequence + 1
            return Alert(
                stored: .random(), number: AlertNumber(RequestNumber(memberState: sender.state, year: year, sequence: sequence)!),
                procedure: ProcedureCode(stringLiteral: template.procedure), legalArea: legalArea, templateVersion: template.version,
                sender: sender.id, senderState: sender.state, state: state, version: steps.count,
                contents: [AlertContent(values: values, language: .en, by: actor, at: created)], deliveries: deliveries, steps: steps,
                sentAt: state == .draft ? nil : sentAt,
                finishedAt: state == .closed || state == .withdrawn ? sentAt.addingTimeInterval(86_400) : nil)
        }
    }
}
