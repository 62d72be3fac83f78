/// The one place that answers "may this user do this action on this object". Deny by default:
/// anything not explicitly allowed below is refused.
///
/// - A local data administrator manages the users of their own organisation, granting only roles
///   that organisation can hold (per-area roles only in the authority's registered legal areas).
/// - A coordinator (national or area) supervises the authorities it registered, and a national
///   coordinator the area coordinators it appointed; the operator supervises the national
///   coordinators. Supervising means creating users and granting or withdrawing the local data
///   administrator role, and suspending or resetting those administrators, nothing more.
/// - Only the platform's operators see the access log's anchoring, witnesses and alarms.
/// - Only a local data administrator confirms its organisation's user list; the national
///   coordinator of a state sees which of its authorities are late.
/// - Directory changes need a coordinator role and pass `DirectoryPolicy` (own state, own scope).
/// - Requests: a request handler of an authority drafts in the areas it is registered for; only
///   users with a role in the request's area at an involved authority (or of the coordinator it was
///   referred to) read it; the requester's and the current responder's request handlers, and the
///   coordinator referred to, take the steps the workflow gives their side.
/// - Alerts: see `AccessPolicy+Alerts.swift`; notifications: `AccessPolicy+MeasureNotifications.swift`;
///   repositories: `AccessPolicy+Repositories.swift`.
public enum AccessPolicy {
    /// Decides whether `principal` may do `action` on `target`.
    public static func decide(_ principal: Principal, _ action: AccessAction, on target: AccessTarget) -> AccessDecision {
        guard principal.user.status == .active, principal.organisation.isActive else { return .deny(.inactive) }
        switch (action, target) {
        case (.manageOwnAccount, .ownAccount):
            return .allow
        case (.viewUsers, .organisation(let organisation)), (.createUser, .organisation(let organisation)):
            return relation(of: principal, to: organisation) == .none ? .deny(denial(principal, organisation)) : .allow
        case (.changeUser, .user(let user, let organisation)):
            switch relation(of: principal, to: organisation) {
            case .administrator: return .allow
            case .supervisor: return isAdministratorOrNew(user) ? .allow : .deny(.roleNotGrantable)
            case .none: return .deny(denial(principal, organisation))
            }
        case (.grantRole(let role), .user(let user, let organisation)), (.withdrawRole(let role), .user(let user, let organisation)):
            guard user.organisation == organisation.id else { return .deny(.notApplicable) }
            guard organisation.canHold(role) else { return .deny(.roleNotGrantable) }
            switch relation(of: principal, to: organisation) {
            case .administrator: return .allow
            case .supervisor:
                return role == .localDataAdministrator && isAdministratorOrNew(user) ? .allow : .deny(.roleNotGrantable)
            case .none: return .deny(denial(principal, organisation))
            }
        case (.confirmUserList, .organisation(let organisation)):
            return relation(of: principal, to: organisation) == .administrator ? .allow : .deny(denial(principal, organisation))
        case (.viewOverdueUserLists, .memberState(let state)), (.viewOverdueRightsRequests, .memberState(let state)),
            (.answerCoordinatorQuestions, .memberState(let state)):
            guard principal.holds(.nationalCoordinator), principal.organisation.kind == .nationalCoordinator else {
                return .deny(.missingRole)
            }
            return principal.organisation.memberState == state ? .allow : .deny(.otherMemberState)
        case (.registerAuthority, .authority(let authority)), (.changeAuthority, .authority(let authority)):
            guard let coordinator = principal.organisation.coordinatorScope,
                principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator),
                let state = principal.organisation.memberState
            else { return .deny(.missingRole) }
            do {
                try DirectoryPolicy.checkScope(memberState: state, scope: coordinator, covers: authority)
                return .allow
            } catch .otherMemberState {
                return .deny(.otherMemberState)
            } catch {
                return .deny(.otherOrganisation)
            }
        case (.createRequest(let area), .organisation(let organisation)), (.createAlert(let area), .organisation(let organisation)):
            guard principal.organisation.kind == .authority, organisation.kind == .authority, organisation.id == principal.organisation.id
            else {
                return .deny(.otherOrganisation)
            }
            let role: Role = action == .createAlert(legalArea: area) ? .alertHandler(legalArea: area) : .requestHandler(legalArea: area)
            return principal.holds(role) && organisation.legalAreas.contains(area) ? .allow : .deny(.missingRole)
        case (_, .alert(let facts)):
            return decideAlert(principal, action, facts)
        case (.createNotification(let area), .organisation(let organisation)):
            guard organisation.id == principal.organisation.id else { return .deny(.otherOrganisation) }
            return mayNotify(principal, in: area) ? .allow : .deny(.missingRole)
        case (_, .notification(let facts)):
            return decideNotification(principal, action, facts)
        case (_, .repository(let facts)):
            return decideRepository(principal, action, facts)
        case (.readRequest, .request(let involvement, let area, let state)):
            // Drafts are private to the requesting authority.
            if state == .draft, involvement.party(of: principal.organisation) != .requester { return .deny(.otherOrganisation) }
            return involvement.mayReadPersonalData(principal, legalArea: area) ? .allow : .deny(.otherOrganisation)
        case (.openBlockedData, .request(let involvement, _, _)):
            // Only an authority that took part, through its local data administrator (Art. 14(2)).
            guard let party = involvement.party(of: principal.organisation), party != .coordinator else { return .deny(.otherOrganisation) }
            return principal.holds(.localDataAdministrator) ? .allow : .deny(.missingRole)
        case (.recordConsent, .request(let involvement, let area, _)), (.applyCorrection, .request(let involvement, let area, _)):
            // The authority dealing with the person records their consent: the requester, or the current responder.
            guard let party = involvement.party(of: principal.organisation), party != .coordinator else { return .deny(.otherOrganisation) }
            if party == .responder, !involvement.isCurrentResponder(principal.organisation) { return .deny(.otherOrganisation) }
            return principal.holds(.requestHandler(legalArea: area)) ? .allow : .deny(.missingRole)
        case (.askCoordinator, .memberState(let state)):
            guard principal.organisation.id != .platform else { return .deny(.notApplicable) }
            return principal.organisation.memberState == state ? .allow : .deny(.otherMemberState)
        case (.keepRightsRegister, .organisation(let organisation)):
            guard organisation.kind == .authority, principal.organisation.kind == .authority, organisation.id == principal.organisation.id
            else { return .deny(.otherOrganisation) }
            return principal.holds(.localDataAdministrator) ? .allow : .deny(.missingRole)
        case (.superviseAccessLog, .platform):
            return principal.organisation.kind == .platform && principal.holds(.platformOperator) ? .allow : .deny(.missingRole)
        case (.exportSupervisoryRecord, .organisation(let organisation)):
            guard organisation.kind == .authority else { return .deny(.notApplicable) }
            if principal.organisation.kind == .authority {
                guard organisation.id == principal.organisation.id else { return .deny(.otherOrganisation) }
                return principal.holds(.localDataAdministrator) ? .allow : .deny(.missingRole)
            }
            guard principal.organisation.kind == .nationalCoordinator, principal.holds(.nationalCoordinator) else {
                return .deny(.missingRole)
            }
            return organisation.memberState == principal.organisation.memberState ? .allow : .deny(.otherMemberState)
        case (.actOnRequest(let action), .request(let involvement, let area, let state)):
            guard let party = involvement.party(of: principal.organisation) else { return .deny(.otherOrganisation) }
            // Earlier responders may read, but only the current responder acts.
            if party == .responder, !involvement.isCurrentResponder(principal.organisation) { return .deny(.otherOrganisation) }
            let mayAct =
                party == .coordinator
                ? principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator)
                : principal.holds(.requestHandler(legalArea: area))
            guard mayAct else { return .deny(.missingRole) }
            return RequestWorkflow.actions(in: state, for: party).contains(action) ? .allow : .deny(.notApplicable)
        case (.answerQuestion, .request(let involvement, let area, let state)):
            guard involvement.isCurrentResponder(principal.organisation) else { return .deny(.otherOrganisation) }
            guard principal.holds(.requestHandler(legalArea: area)) else { return .deny(.missingRole) }
            return state == .accepted ? .allow : .deny(.notApplicable)
        case (.decideProposedDeadline, .request(let involvement, let area, _)):
            guard involvement.party(of: principal.organisation) == .requester else { return .deny(.otherOrganisation) }
            return principal.holds(.requestHandler(legalArea: area)) ? .allow : .deny(.missingRole)
        case (.allocateRequest, .request(let involvement, let area, let state)):
            guard involvement.isCurrentResponder(principal.organisation) else { return .deny(.otherOrganisation) }
            guard principal.holds(.allocator(legalArea: area)) else { return .deny(.missingRole) }
            return InformationRequest.allocatableStates.contains(state) ? .allow : .deny(.notApplicable)
        case (.attachToRequest, .request(let involvement, let area, let state)):
            guard let party = involvement.party(of: principal.organisation), party != .coordinator else { return .deny(.otherOrganisation) }
            if party == .responder, !involvement.isCurrentResponder(principal.organisation) { return .deny(.otherOrganisation) }
            guard principal.holds(.requestHandler(legalArea: area)) else { return .deny(.missingRole) }
            return InformationRequest.acceptsAttachments(in: state, from: party) ? .allow : .deny(.notApplicable)
        default:
            return .deny(.notApplicable)
        }
    }

    private enum Relation { case administrator, supervisor, none }

    private static func relation(of principal: Principal, to organisation: Organisation) -> Relation {
        let own = principal.organisation
        if own.kind == organisation.kind, own.id == organisation.id, principal.holds(.localDataAdministrator) {
            return .administrator
        }
        let supervises: Bool =
            switch (own.kind, organisation.kind) {
            case (.platform, .nationalCoordinator): principal.holds(.platformOperator)
            case (.nationalCoordinator, .areaCoordinator):
                principal.holds(.nationalCoordinator) && organisation.registeredBy == own.id.coordinator
                    && organisation.memberState == own.memberState
            case (.nationalCoordinator, .authority), (.areaCoordinator, .authority):
                (principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator))
                    && organisation.registeredBy == own.id.coordinator && organisation.memberState == own.memberState
            default: false
            }
        return supervises ? .supervisor : .none
    }

    private static func isAdministratorOrNew(_ user: UserAccount) -> Bool {
        user.roles.isEmpty || user.roles == [.localDataAdministrator]
    }

    private static func denial(_ principal: Principal, _ organisation: Organisation) -> AccessDenial {
        if let state = organisation.memberState, let own = principal.organisation.memberState, state != own { return .otherMemberState }
        return principal.user.roles.isEmpty ? .missingRole : .otherOrganisation
    }
}
