/// The notification rules of the access policy. A notification describes a national measure, not
/// a person, so it is read more widely than an alert, but never outside the parties:
///
/// - Who notifies: an authority's alert handlers in the areas it is registered for, the national
///   coordinator, and area coordinators for their areas.
/// - The sender's users who may notify, and its readers of the area, read it (a draft only there).
/// - In each member state it was sent to: the national coordinator, area coordinators whose areas
///   include its area, and the users of authorities registered in the area with a role in it.
/// - The sender sends and closes; every party but a reader comments while it is sent.
/// - The operator and everyone else get nothing, not even that it exists.
extension AccessPolicy {
    static func decideNotification(
        _ principal: Principal, _ action: AccessAction, _ facts: MeasureNotificationFacts
    ) -> AccessDecision {
        let own = principal.organisation
        let area = facts.legalArea
        let isSender = own.id.uuid == facts.sender
        let isRecipient =
            facts.state != .draft && !isSender && own.memberState.map(facts.recipientStates.contains) == true
        guard isSender || isRecipient else { return .deny(.otherOrganisation) }
        let acts =
            mayNotify(principal, in: area)
            || (own.kind == .authority && own.legalAreas.contains(area)
                && principal.holds(.requestHandler(legalArea: area)))
        let reads = acts || (own.kind == .authority && own.legalAreas.contains(area) && principal.holds(.reader(legalArea: area)))
        switch action {
        case .readNotification:
            return reads ? .allow : .deny(.missingRole)
        case .actOnNotification(let step):
            guard acts, isSender ? mayNotify(principal, in: area) : true else { return .deny(.missingRole) }
            let party: MeasureNotificationParty = isSender ? .sender : .recipient
            return MeasureNotificationWorkflow.actions(in: facts.state, for: party).contains(step) ? .allow : .deny(.notApplicable)
        default:
            return .deny(.notApplicable)
        }
    }

    /// Whether the principal may notify measures of `area` for its organisation.
    static func mayNotify(_ principal: Principal, in area: String) -> Bool {
        let own = principal.organisation
        switch own.kind {
        case .authority: return own.legalAreas.contains(area) && principal.holds(.alertHandler(legalArea: area))
        case .nationalCoordinator: return principal.holds(.nationalCoordinator)
        case .areaCoordinator:
            if case .area(let areas) = own.coordinatorScope { return areas.contains(area) && principal.holds(.areaCoordinator) }
            return false
        default: return false
        }
    }
}
