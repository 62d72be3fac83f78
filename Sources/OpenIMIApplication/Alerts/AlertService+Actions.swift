import Foundation
import OpenIMIDomain

extension AlertService {
    /// The steps `principal` may take on `alert` now: what the access policy allows, narrowed by
    /// the workflow of the principal's own delivery (an authority that acknowledged has nothing
    /// left to acknowledge). The page offers exactly these.
    public func actions(on alert: Alert, by principal: Principal) -> [AlertAction] {
        let facts = alert.facts(commissionInformed: templates[alert.procedure.rawValue]?.recipients == .chosenStatesAndCommission)
        let delivery = principal.organisation.memberState.flatMap { alert.deliveries[$0] }
        return AlertAction.allCases.filter { action in
            guard AccessPolicy.decide(principal, .actOnAlert(action), on: .alert(facts)).isAllowed else { return false }
            switch action {
            case .send, .amend, .close, .withdraw: return true
            case .route:
                return delivery.map {
                    AlertWorkflow.actions(in: alert.state, delivery: $0.state, for: .recipientCoordinator).contains(.route)
                }
                    ?? false
            case .acknowledge:
                guard let own = principal.organisation.id.uuid, let delivery else { return false }
                return delivery.routedTo.contains(own) && !delivery.acknowledgedBy.contains(own)
            }
        }
    }

    /// The alert's view for `principal` (a logged read for its readers) with the steps the
    /// principal may take; `notFound` for anyone who may not even see that it exists.
    public func page(
        _ id: AlertID, by principal: Principal, purpose: AccessPurpose, now: Date
    ) async throws -> (
        view: AlertView, actions: [AlertAction], template: AlertTemplate?
    ) {
        let alert = try await visible(id, to: principal, action: .readAlertExistence)
        let view = try await shown(alert, to: principal, purpose: purpose, now: now)
        return (view, actions(on: alert, by: principal), templates[alert.procedure.rawValue])
    }

    /// The template of alert `id`'s procedure, for a form about it; nothing personal is read.
    public func template(of id: AlertID, by principal: Principal) async throws -> AlertTemplate {
        guard let template = templates[try await visible(id, to: principal, action: .readAlertExistence).procedure.rawValue] else {
            throw AlertError.notFound
        }
        return template
    }
}
