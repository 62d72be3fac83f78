/// What a signed-in user's work area offers, decided from their roles and organisation by the
/// access policy: the navigation and the page actions follow it, so none of them is decided in
/// the web layer.
public struct Workspace: Sendable, Hashable {
    /// Manages the users of their organisation (or of the organisations they coordinate).
    public let managesUsers: Bool
    /// Sees the authorities whose user lists are overdue (a national coordinator).
    public let seesOverdueUserLists: Bool
    /// Has an inbox of requests.
    public let seesRequests: Bool
    /// Has alerts: an authority's alert handlers and readers, the coordinators who route incoming
    /// alerts, the platform operator (told that Services Directive alerts exist).
    public let seesAlerts: Bool
    /// Has notifications of national measures: users of an authority with a role in one of its
    /// areas, and the coordinators.
    public let seesNotifications: Bool
    /// Has registers to read: every user of an authority or coordinator (which registers, the
    /// repositories' own readers decide).
    public let seesRepositories: Bool
    /// May draft new requests (a request handler of an authority in one of its areas).
    public let draftsRequests: Bool
    /// May search requests by person or business.
    public let searchesSubjects: Bool
    /// Keeps the authority's register of data subjects' rights requests.
    public let keepsRightsRegister: Bool
    /// Answers the questions sent to a national coordinator.
    public let answersCoordinatorQuestions: Bool
    /// Supervises the access log's anchoring and witnesses (the platform's operators).
    public let supervisesAccessLog: Bool

    /// The work area of `principal`.
    public init(of principal: Principal) {
        managesUsers =
            principal.holds(.localDataAdministrator) || principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator)
            || principal.holds(.platformOperator)
        seesOverdueUserLists = principal.holds(.nationalCoordinator)
        seesRequests =
            principal.user.roles.contains { $0.legalArea != nil } || principal.holds(.nationalCoordinator)
            || principal.holds(.areaCoordinator)
        seesAlerts =
            (principal.organisation.kind == .authority
                && principal.user.roles.contains { $0.kind == .alertHandler || $0.kind == .reader })
            || principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator) || principal.holds(.platformOperator)
        seesNotifications =
            (principal.organisation.kind == .authority && principal.user.roles.contains { $0.legalArea != nil })
            || principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator)
        seesRepositories = principal.organisation.kind != .platform
        draftsRequests = principal.organisation.kind == .authority && principal.user.roles.contains { $0.kind == .requestHandler }
        searchesSubjects = SubjectSearchScope.maySearch(principal)
        keepsRightsRegister = AccessPolicy.decide(principal, .keepRightsRegister, on: .organisation(principal.organisation)).isAllowed
        answersCoordinatorQuestions = principal.organisation.kind == .nationalCoordinator && principal.holds(.nationalCoordinator)
        supervisesAccessLog = AccessPolicy.decide(principal, .superviseAccessLog, on: .platform).isAllowed
    }
}
