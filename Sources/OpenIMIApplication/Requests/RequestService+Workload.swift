import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// What the home page counts for one user: no personal data, only numbers by situation.
public struct Workload: Sendable, Hashable {
    /// The open requests of the user's organisation by side, state and deadline proposal.
    public let counts: [WorkloadCount]
    /// Open requests allocated to the user.
    public let allocatedToMe: Int
    /// For a coordinator, the counts of its member state's requests (its areas, for an area coordinator).
    public let scope: ScopeCounts?
}

extension RequestService {
    /// The counts of the principal's work at `now`, for the home page; within the areas of the inbox.
    public func workload(of principal: Principal, now: Date) async throws -> Workload {
        let areas = try await inboxAreas(of: principal)
        let repository = RequestRepository(sql: database.sql, keys: keys)
        let counts = try await repository.workload(
            of: principal.organisation, areas: areas, now: now, soon: now.addingTimeInterval(DeadlineStatus.dueSoonWindow))
        let allocated = try await repository.allocatedCount(of: principal.organisation, to: principal.user.id.uuid, areas: areas)
        var scope: ScopeCounts?
        if let state = principal.organisation.memberState {
            switch principal.organisation.kind {
            case .nationalCoordinator: scope = try await repository.scopeCounts(of: state, areas: nil, now: now)
            case .areaCoordinator: scope = try await repository.scopeCounts(of: state, areas: principal.organisation.legalAreas, now: now)
            case .authority, .platform: scope = nil
            }
        }
        return Workload(counts: counts, allocatedToMe: allocated, scope: scope)
    }
}
