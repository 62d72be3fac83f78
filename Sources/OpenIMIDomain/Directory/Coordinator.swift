import Foundation

/// An IMI coordinator: the national coordinator (NIMIC) of a member state, or an area or
/// regional coordinator appointed by it (IMI Regulation, Art. 6).
public struct Coordinator: Sendable, Hashable, Identifiable {
    /// The coordinator's identifier.
    public internal(set) var id: CoordinatorID
    /// The member state the coordinator belongs to.
    public internal(set) var memberState: MemberStateCode
    /// National, area or regional, with its scope.
    public internal(set) var scope: CoordinatorScope
    /// The coordinator's name in its own language(s) and in English.
    public internal(set) var name: LocalizedText
    /// Postal address.
    public internal(set) var address: PostalAddress
    /// How to reach the coordinator.
    public internal(set) var contact: Contact
    /// The national coordinator that appointed this one; nil for a national coordinator.
    public internal(set) var appointedBy: CoordinatorID?

    /// Creates a coordinator.
    public init(
        id: CoordinatorID, memberState: MemberStateCode, scope: CoordinatorScope, name: LocalizedText,
        address: PostalAddress, contact: Contact, appointedBy: CoordinatorID?
    ) {
        self.id = id
        self.memberState = memberState
        self.scope = scope
        self.name = name
        self.address = address
        self.contact = contact
        self.appointedBy = appointedBy
    }

    /// Whether this is the national IMI coordinator of its state.
    public var isNational: Bool {
        if case .national = scope { return true }
        return false
    }
}

/// What a coordinator is responsible for.
public enum CoordinatorScope: Sendable, Hashable {
    /// The national IMI coordinator: the whole member state.
    case national
    /// A coordinator for some legal areas of its state.
    case area(legalAreas: [String])
    /// A coordinator for one region of its state.
    case region(String)

    /// The kind, as stored and shown.
    public var kind: CoordinatorKind {
        switch self {
        case .national: .national
        case .area: .area
        case .region: .regional
        }
    }

    /// Whether a coordinator of this scope is told what its member state receives in `legalArea`
    /// (alerts to route, notifications): the national coordinator for every area, an area
    /// coordinator for its areas, a regional coordinator never.
    public func receives(legalArea: String) -> Bool {
        switch self {
        case .national: true
        case .area(let areas): areas.contains(legalArea)
        case .region: false
        }
    }
}

/// The kind of a coordinator.
public enum CoordinatorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// National IMI coordinator (NIMIC).
    case national
    /// Coordinator of some legal areas.
    case area
    /// Coordinator of a region.
    case regional
}
