import Foundation

/// Which IMI actor something belongs to: the platform, a coordinator body or a competent
/// authority, with the id each has (the platform has none). Stored and written as
/// "platform" or "<kind>:<id>", e.g. "authority:5664dd4c-…".
public enum OrganisationID: Sendable, Hashable, CustomStringConvertible {
    /// The platform operator.
    case platform
    /// A national IMI coordinator body.
    case nationalCoordinator(CoordinatorID)
    /// An area or regional coordinator body.
    case areaCoordinator(CoordinatorID)
    /// A competent authority.
    case authority(AuthorityID)

    /// The kind of actor.
    public var kind: OrganisationKind {
        switch self {
        case .platform: .platform
        case .nationalCoordinator: .nationalCoordinator
        case .areaCoordinator: .areaCoordinator
        case .authority: .authority
        }
    }

    /// The coordinator's or authority's UUID; nil for the platform.
    public var uuid: UUID? {
        switch self {
        case .platform: nil
        case .nationalCoordinator(let id), .areaCoordinator(let id): id.uuid
        case .authority(let id): id.uuid
        }
    }

    /// The authority's id, when this is an authority.
    public var authority: AuthorityID? {
        if case .authority(let id) = self { id } else { nil }
    }

    /// The coordinator's id, when this is a coordinator body.
    public var coordinator: CoordinatorID? {
        switch self {
        case .nationalCoordinator(let id), .areaCoordinator(let id): id
        default: nil
        }
    }

    /// The organisation of `kind` and `id`, or nil when they do not fit together (the platform
    /// with an id, anyone else without one): a stored pair that does not is a corrupt row.
    public init?(kind: OrganisationKind, id: UUID?) {
        switch (kind, id) {
        case (.platform, nil): self = .platform
        case (.nationalCoordinator, let id?): self = .nationalCoordinator(CoordinatorID(id))
        case (.areaCoordinator, let id?): self = .areaCoordinator(CoordinatorID(id))
        case (.authority, let id?): self = .authority(AuthorityID(id))
        default: return nil
        }
    }

    /// The organisation written as "platform" or "<kind>:<id>", or nil when `reference` is not one.
    public init?(reference: String) {
        if reference == "platform" {
            self = .platform
            return
        }
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = OrganisationKind(rawValue: parts[0]), kind != .platform,
            let id = UUID(uuidString: parts[1])
        else { return nil }
        self.init(kind: kind, id: id)
    }

    /// "platform" or "<kind>:<id>".
    public var description: String {
        uuid.map { "\(kind.rawValue):\($0.uuidString.lowercased())" } ?? "platform"
    }
}
