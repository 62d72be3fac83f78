/// A right a user holds. Platform and coordinator roles are organisation-wide; the four case roles
/// are held per legal area of the user's authority.
public enum Role: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Runs the platform: member states, legal areas, national coordinators. No case personal data.
    case platformOperator
    /// Works for a national IMI coordinator (NIMIC).
    case nationalCoordinator
    /// Works for an area or regional coordinator.
    case areaCoordinator
    /// Manages the users of their own organisation and confirms its user list.
    case localDataAdministrator
    /// Creates and answers requests in a legal area.
    case requestHandler(legalArea: String)
    /// Routes incoming requests to handlers in a legal area.
    case allocator(legalArea: String)
    /// Handles alerts in a legal area.
    case alertHandler(legalArea: String)
    /// Reads the exchanges of a legal area without acting.
    case reader(legalArea: String)

    /// The kind of role, without its legal area.
    public var kind: RoleKind {
        switch self {
        case .platformOperator: .platformOperator
        case .nationalCoordinator: .nationalCoordinator
        case .areaCoordinator: .areaCoordinator
        case .localDataAdministrator: .localDataAdministrator
        case .requestHandler: .requestHandler
        case .allocator: .allocator
        case .alertHandler: .alertHandler
        case .reader: .reader
        }
    }

    /// The legal area of a per-area role.
    public var legalArea: String? {
        switch self {
        case .requestHandler(let area), .allocator(let area), .alertHandler(let area), .reader(let area): area
        default: nil
        }
    }

    /// The stored form: "local-data-administrator", "request-handler:services".
    public var code: String {
        legalArea.map { "\(kind.rawValue):\($0)" } ?? kind.rawValue
    }

    /// Parses the stored form.
    public init?(code: String) {
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        guard let kind = parts.first.flatMap(RoleKind.init(rawValue:)) else { return nil }
        self.init(kind: kind, legalArea: parts.count == 2 ? parts[1] : nil)
    }

    /// Builds a role from its kind and, for per-area kinds, its legal area.
    public init?(kind: RoleKind, legalArea: String?) {
        switch (kind, legalArea) {
        case (.platformOperator, nil): self = .platformOperator
        case (.nationalCoordinator, nil): self = .nationalCoordinator
        case (.areaCoordinator, nil): self = .areaCoordinator
        case (.localDataAdministrator, nil): self = .localDataAdministrator
        case (.requestHandler, let area?) where !area.isEmpty: self = .requestHandler(legalArea: area)
        case (.allocator, let area?) where !area.isEmpty: self = .allocator(legalArea: area)
        case (.alertHandler, let area?) where !area.isEmpty: self = .alertHandler(legalArea: area)
        case (.reader, let area?) where !area.isEmpty: self = .reader(legalArea: area)
        default: return nil
        }
    }

    public var description: String { code }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.code < rhs.code }
}

/// The kinds of role.
public enum RoleKind: String, Sendable, Hashable, CaseIterable, Codable {
    case platformOperator = "operator"
    case nationalCoordinator = "national-coordinator"
    case areaCoordinator = "area-coordinator"
    case localDataAdministrator = "local-data-administrator"
    case requestHandler = "request-handler"
    case allocator
    case alertHandler = "alert-handler"
    case reader

    /// Whether the role is held per legal area.
    public var isPerLegalArea: Bool {
        switch self {
        case .requestHandler, .allocator, .alertHandler, .reader: true
        default: false
        }
    }
}
