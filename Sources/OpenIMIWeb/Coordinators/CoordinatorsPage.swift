import OpenIMIApplication
import OpenIMIDomain

/// The model of the coordinators page, in one language.
struct CoordinatorsPage {
    let national: [Row]
    let others: [Row]
    // Stored, not computed: templates see stored properties only.
    let hasNational: Bool
    let hasOthers: Bool

    init(coordinators: [Coordinator], states: [MemberState], areas: [LegalArea], catalog: Catalog) {
        let stateNames = Dictionary(uniqueKeysWithValues: states.map { ($0.code, $0.name.text(in: catalog.language)) })
        let areaNames = Dictionary(uniqueKeysWithValues: areas.map { ($0.code.rawValue, $0.name.text(in: catalog.language)) })
        let rows = coordinators.map { coordinator in
            let scope: String =
                switch coordinator.scope {
                case .national: ""
                case .area(let codes): codes.map { areaNames[$0] ?? $0 }.joined(separator: ", ")
                case .region(let region): region
                }
            return (
                coordinator.isNational,
                Row(
                    state: stateNames[coordinator.memberState] ?? coordinator.memberState.rawValue,
                    name: coordinator.name.text(in: catalog.language),
                    address: "\(coordinator.address.street), \(coordinator.address.postcode) \(coordinator.address.city)",
                    email: coordinator.contact.email, phone: coordinator.contact.phone ?? "",
                    kind: catalog.text("coordinatorKind.\(coordinator.scope.kind.rawValue)"), scope: scope)
            )
        }
        self.national = rows.filter(\.0).map(\.1).sorted { $0.state < $1.state }
        self.others = rows.filter { !$0.0 }.map(\.1).sorted { $0.state < $1.state }
        self.hasNational = !national.isEmpty
        self.hasOthers = !others.isEmpty
    }

    struct Row {
        let state: String
        let name: String
        let address: String
        let email: String
        let phone: String
        let kind: String
        let scope: String
    }
}
