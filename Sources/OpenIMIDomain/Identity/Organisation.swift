import Foundation

/// The IMI actor a user works for: the platform itself, a coordinator body, or a competent authority.
public struct Organisation: Sendable, Hashable {
    /// Which actor: the platform, or the coordinator or authority with its id.
    public var id: OrganisationID
    /// The member state; nil for the platform.
    public var memberState: MemberStateCode?
    /// The legal areas an authority is registered for, or an area coordinator covers.
    public var legalAreas: Set<String>
    /// For an authority: the coordinator that registered it.
    public var registeredBy: CoordinatorID?
    /// For an authority: whether it is validated (only validated authorities act).
    public var isActive: Bool
    /// For a coordinator body: what it is responsible for.
    public var coordinatorScope: CoordinatorScope?

    /// Creates an organisation profile.
    public init(
        id: OrganisationID, memberState: MemberStateCode?, legalAreas: Set<String> = [],
        registeredBy: CoordinatorID? = nil, isActive: Bool = true, coordinatorScope: CoordinatorScope? = nil
    ) {
        self.coordinatorScope = coordinatorScope
        self.id = id
        self.memberState = memberState
        self.legalAreas = legalAreas
        self.registeredBy = registeredBy
        self.isActive = isActive
    }

    /// The platform operator's organisation.
    public static let platform = Organisation(id: .platform, memberState: nil)

    /// Which kind of actor.
    public var kind: OrganisationKind { id.kind }

    /// The profile of an authority.
    public init(authority: Authority) {
        self.init(
            id: .authority(authority.id), memberState: authority.memberState, legalAreas: Set(authority.legalAreas),
            registeredBy: authority.registeredBy, isActive: authority.status == .validated)
    }

    /// The profile of a coordinator body.
    public init(coordinator: Coordinator) {
        let areas: Set<String> =
            switch coordinator.scope {
            case .area(let codes): Set(codes)
            default: []
            }
        self.init(
            id: coordinator.isNational
                ? .nationalCoordinator(coordinator.id) : .areaCoordinator(coordinator.id),
            memberState: coordinator.memberState, legalAreas: areas, registeredBy: coordinator.appointedBy,
            coordinatorScope: coordinator.scope)
    }

    /// Whether `role` can be held by a user of this organisation at all.
    public func canHold(_ role: Role) -> Bool {
        switch (kind, role) {
        case (.platform, .platformOperator), (.platform, .localDataAdministrator): true
        case (.nationalCoordinator, .nationalCoordinator), (.nationalCoordinator, .localDataAdministrator): true
        case (.areaCoordinator, .areaCoordinator), (.areaCoordinator, .localDataAdministrator): true
        case (.authority, .localDataAdministrator): true
        case (.authority, let role) where role.kind.isPerLegalArea: legalAreas.contains(role.legalArea ?? "")
        default: false
        }
    }
}

/// The kinds of IMI actor a user can belong to.
public enum OrganisationKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The platform operator (the Commission's role).
    case platform
    /// A national IMI coordinator body.
    case nationalCoordinator = "national-coordinator"
    /// An area or regional coordinator body.
    case areaCoordinator = "area-coordinator"
    /// A competent authority.
    case authority
}
