/// The alert rules of the access policy:
///
/// - An alert handler of an authority drafts alerts in the areas it is registered for.
/// - The personal data are read only by users with a role in the alert's area (alert handler or
///   reader) at the sending authority or at an authority the alert was routed to; a draft only at
///   the sender.
/// - The alert coordinators of a recipient state (its national coordinator, or an area coordinator
///   whose areas include the alert's) see that the alert exists and route it, never its personal data.
/// - The platform operator sees that a Services Directive alert exists (the Commission is a
///   recipient of those), nothing more.
/// - The sender's alert handlers take the sender's steps; a routed authority's alert handlers acknowledge.
extension AccessPolicy {
    static func decideAlert(_ principal: Principal, _ action: AccessAction, _ facts: AlertFacts) -> AccessDecision {
        let own = principal.organisation
        let area = facts.legalArea
        let isSender = own.kind == .authority && own.id.uuid == facts.sender
        let isRouted = own.kind == .authority && own.id.uuid.map(facts.routedTo.contains) == true && facts.state != .draft
        let handles = principal.holds(.alertHandler(legalArea: area))
        let readsArea = (handles || principal.holds(.reader(legalArea: area))) && own.legalAreas.contains(area)
        switch action {
        case .readAlert:
            guard isSender || isRouted else { return .deny(.otherOrganisation) }
            return readsArea ? .allow : .deny(.missingRole)
        case .readAlertExistence:
            if (isSender || isRouted) && readsArea { return .allow }
            if coordinatesAlerts(principal, facts) { return .allow }
            let isOperator = own.kind == .platform && principal.holds(.platformOperator)
            return isOperator && facts.commissionInformed && facts.state != .draft ? .allow : .deny(.otherOrganisation)
        case .actOnAlert(let step) where step.isSenders:
            guard isSender else { return .deny(.otherOrganisation) }
            guard handles, own.legalAreas.contains(area) else { return .deny(.missingRole) }
            return AlertWorkflow.actions(in: facts.state, delivery: nil, for: .sender).contains(step) ? .allow : .deny(.notApplicable)
        case .actOnAlert(.route):
            guard coordinatesAlerts(principal, facts) else { return .deny(.otherOrganisation) }
            return facts.state == .sent ? .allow : .deny(.notApplicable)
        case .actOnAlert(.acknowledge):
            guard isRouted else { return .deny(.otherOrganisation) }
            guard handles, own.legalAreas.contains(area) else { return .deny(.missingRole) }
            return facts.state == .sent ? .allow : .deny(.notApplicable)
        default:
            return .deny(.notApplicable)
        }
    }

    /// Whether the principal is an alert coordinator of a recipient state for the alert's area.
    static func coordinatesAlerts(_ principal: Principal, _ facts: AlertFacts) -> Bool {
        let own = principal.organisation
        guard facts.state != .draft, let state = own.memberState, facts.recipientStates.contains(state) else { return false }
        switch own.coordinatorScope {
        case .national: return own.kind == .nationalCoordinator && principal.holds(.nationalCoordinator)
        case .area(let areas): return own.kind == .areaCoordinator && principal.holds(.areaCoordinator) && areas.contains(facts.legalArea)
        case .region, nil: return false
        }
    }
}
