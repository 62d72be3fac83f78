import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension AlertService {
    /// The legal areas with alert procedures whose incoming alerts the principal routes for its
    /// member state: every such area for a national coordinator, its own for an area coordinator.
    public func routedAreas(of principal: Principal) -> [LegalAreaCode] {
        let own = principal.organisation
        let alertAreas = Set(procedureAreas.values)
        switch own.coordinatorScope {
        case .national where own.kind == .nationalCoordinator && principal.holds(.nationalCoordinator):
            return alertAreas.sorted { $0.rawValue < $1.rawValue }
        case .area(let areas) where own.kind == .areaCoordinator && principal.holds(.areaCoordinator):
            return alertAreas.filter { areas.contains($0.rawValue) }.sorted { $0.rawValue < $1.rawValue }
        default:
            return []
        }
    }

    /// The automatic routing of the principal's member state in the areas it routes.
    public func routingRules(of principal: Principal) async throws -> [LegalAreaCode: Set<UUID>] {
        guard let state = principal.organisation.memberState else { return [:] }
        let areas = routedAreas(of: principal)
        guard !areas.isEmpty else { throw IdentityError.forbidden(.missingRole) }
        let rules = try await AlertRoutingRuleRepository(sql: database.sql).rules(of: state)
        return Dictionary(uniqueKeysWithValues: areas.map { ($0, rules[$0.rawValue] ?? []) })
    }

    /// Sets the automatic routing of the principal's member state for `area`: incoming alerts of the
    /// area are routed to `authorities` (validated authorities of the state registered in the
    /// area) as they arrive; an empty set turns it off.
    public func setRoutingRule(_ area: LegalAreaCode, to authorities: Set<UUID>, by principal: Principal, now: Date) async throws {
        try evidence.requireSigning()
        guard let state = principal.organisation.memberState, routedAreas(of: principal).contains(area) else {
            throw IdentityError.forbidden(.missingRole)
        }
        let known = Set(try await routingChoices(in: state).filter { $0.legalAreas.contains(area.rawValue) }.map(\.id.uuid))
        if let unknown = authorities.first(where: { !known.contains($0) }) {
            throw AlertError.unknownAuthority(unknown.uuidString.lowercased())
        }
        try await database.transaction { sql in
            try await AlertRoutingRuleRepository(sql: sql).replace(
                state: state, legalArea: area.rawValue, with: authorities, by: principal.user.id.uuid, at: now)
        }
    }

    /// The automatic routing that applies to an alert of `area` sent to `states`, kept to the
    /// authorities still validated and registered in the area.
    func automaticRouting(for area: LegalAreaCode, in states: [MemberStateCode]) async throws -> [MemberStateCode: Set<UUID>] {
        let rules = try await AlertRoutingRuleRepository(sql: database.sql).rules(for: area.rawValue, in: Set(states))
        guard !rules.isEmpty else { return [:] }
        let authorities = try await AuthorityRepository(sql: database.sql).find(Set(rules.values.flatMap { $0 }.map(AuthorityID.init)))
        let eligible = Set(
            authorities.values.filter { $0.status == .validated && $0.legalAreas.contains(area.rawValue) }.map(\.id.uuid))
        return rules.mapValues { $0.intersection(eligible) }.filter { !$0.value.isEmpty }
    }
}
