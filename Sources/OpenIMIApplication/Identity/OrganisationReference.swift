import Foundation
import OpenIMIDomain

/// "kind:id" references to organisations in forms and query strings.
public enum OrganisationReference {
    /// "platform", or the kind and the id: "authority:…", "coordinator:…".
    public static func format(_ organisation: Organisation) -> String {
        organisation.kind == .platform ? "platform" : "\(organisation.kind.rawValue):\(organisation.id?.uuidString.lowercased() ?? "")"
    }

    /// The kind and id of `reference`, or nil when it is not one.
    public static func parse(_ reference: String) -> (OrganisationKind, UUID?)? {
        if reference == "platform" { return (.platform, nil) }
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = OrganisationKind(rawValue: parts[0]), let id = UUID(uuidString: parts[1]) else { return nil }
        return (kind, id)
    }
}
