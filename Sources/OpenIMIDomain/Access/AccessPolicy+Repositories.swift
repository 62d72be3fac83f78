import Foundation

/// The repository rules of the access policy:
///
/// - Maintain (record, change): users with a request- or alert-handler role in the repository's
///   area at an authority designated for it.
/// - Read: as the repository says — users with a role in the area at authorities registered in it
///   (and the coordinators: national ones, and area coordinators of that area), those coordinators
///   only, or every user of an authority or coordinator;
///   the maintainers always. The platform operator reads no repository.
extension AccessPolicy {
    static func decideRepository(_ principal: Principal, _ action: AccessAction, _ facts: RepositoryFacts) -> AccessDecision {
        let own = principal.organisation
        let area = facts.legalArea
        let maintains =
            own.kind == .authority && own.id.uuid.map(facts.maintainers.contains) == true
            && (principal.holds(.requestHandler(legalArea: area)) || principal.holds(.alertHandler(legalArea: area)))
        let coordinates: Bool =
            switch own.coordinatorScope {
            case .national: own.kind == .nationalCoordinator && principal.holds(.nationalCoordinator)
            case .area(let areas): own.kind == .areaCoordinator && principal.holds(.areaCoordinator) && areas.contains(area)
            case .region, nil: false
            }
        switch action {
        case .maintainRepository:
            return maintains ? .allow : .deny(.missingRole)
        case .readRepository:
            if maintains { return .allow }
            switch facts.readers {
            case .allUsers:
                return own.kind == .platform ? .deny(.otherOrganisation) : .allow
            case .coordinators:
                return coordinates ? .allow : .deny(.missingRole)
            case .areaAuthorities:
                if coordinates { return .allow }
                let inArea = own.kind == .authority && own.legalAreas.contains(area)
                return inArea && principal.user.roles.contains { $0.legalArea == area } ? .allow : .deny(.missingRole)
            }
        default:
            return .deny(.notApplicable)
        }
    }
}

/// What decides who may read and maintain a repository.
public struct RepositoryFacts: Sendable, Hashable {
    /// Its legal area.
    public let legalArea: String
    /// Who reads it.
    public let readers: RepositoryReaders
    /// The authorities designated to maintain it.
    public let maintainers: Set<UUID>

    /// Creates the facts.
    public init(legalArea: String, readers: RepositoryReaders, maintainers: Set<UUID>) {
        self.legalArea = legalArea
        self.readers = readers
        self.maintainers = maintainers
    }
}
