import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The alert work waiting for a principal, as counts (no personal data): for the home page.
public struct AlertWorkload: Sendable, Hashable {
    /// Alerts received by the coordinator's member state and not yet routed; nil for non-coordinators.
    public var toRoute: Int?
    /// Alerts routed to the authority that it has not acknowledged; nil for anyone but alert handlers.
    public var toAcknowledge: Int?
    /// The authority's alert drafts; nil for anyone but alert handlers.
    public var drafts: Int?
    /// Of them, those past the three days since their decision.
    public var lateDrafts: Int?
}

extension AlertService {
    /// The principal's alert work, each count read only where the principal's roles reach.
    public func workload(of principal: Principal, now: Date) async throws -> AlertWorkload {
        let repository = AlertRepository(sql: database.sql, keys: keys)
        let own = principal.organisation
        var workload = AlertWorkload()
        if own.kind == .authority, let authority = own.id.uuid {
            let handled = Set(
                principal.user.roles.compactMap { role -> String? in
                    if case .alertHandler(let area) = role, own.legalAreas.contains(area) { return area }
                    return nil
                })
            if !handled.isEmpty {
                workload.toAcknowledge = try await repository.countToAcknowledge(by: authority, areas: handled)
                // A draft is late once three days have passed since its decision day.
                let drafts = try await repository.countDrafts(
                    of: authority, areas: handled, lateDecisionDay: now.addingTimeInterval(-Double(AlertTimeliness.days) * 86_400))
                (workload.drafts, workload.lateDrafts) = (drafts.all, drafts.late)
            }
        }
        if let state = own.memberState {
            switch own.coordinatorScope {
            case .national where own.kind == .nationalCoordinator && principal.holds(.nationalCoordinator):
                workload.toRoute = try await repository.countToRoute(in: state, areas: nil)
            case .area(let areas) where own.kind == .areaCoordinator && principal.holds(.areaCoordinator):
                workload.toRoute = try await repository.countToRoute(in: state, areas: Set(areas))
            default: break
            }
        }
        return workload
    }
}
