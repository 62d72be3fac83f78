import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The alerts a principal's lists hold, by the part each plays.
public struct AlertLists: Sendable {
    /// Drafted or sent by the principal's authority, in the areas of the principal's alert roles.
    public var sent: [AlertSummary] = []
    /// Routed to the principal's authority, in the areas of the principal's alert roles.
    public var received: [AlertSummary] = []
    /// Delivered to the coordinator's member state, for routing (existence only).
    public var toRoute: [AlertSummary] = []
    /// Services Directive alerts the Commission is told exist (the platform operator).
    public var commission: [AlertSummary] = []
    /// The alert procedures the principal may draft.
    public var draftable: [String] = []
    /// Whether the principal routes incoming alerts for its member state.
    public var routes = false
    /// Whether the principal sees the Commission's view of Services Directive alerts.
    public var seesCommission = false
    /// Whether the principal reads alerts in some area (an alert handler or reader).
    public var reads = false

    /// Whether the principal has any part in alerts at all.
    public var takesPart: Bool { reads || routes || seesCommission }
}

extension AlertService {
    /// The areas in which the principal reads alerts' personal data: its alert-handler and reader
    /// roles' areas the authority is registered for.
    func readingAreas(of principal: Principal) -> Set<String> {
        guard principal.organisation.kind == .authority else { return [] }
        return Set(
            principal.user.roles.compactMap { role -> String? in
                switch role {
                case .alertHandler(let area), .reader(let area): principal.organisation.legalAreas.contains(area) ? area : nil
                default: nil
                }
            })
    }

    /// The alert lists of the principal, each built only from scopes its roles allow; the lists
    /// carry no personal data, so showing them is not a read.
    public func lists(of principal: Principal, limit: Int = 100) async throws -> AlertLists {
        guard principal.user.status == .active, principal.organisation.isActive else { throw IdentityError.forbidden(.inactive) }
        let repository = AlertRepository(sql: database.sql, keys: keys)
        let own = principal.organisation
        var lists = AlertLists()
        if own.kind == .authority, let authority = own.id.uuid {
            let areas = readingAreas(of: principal)
            lists.reads = !areas.isEmpty
            lists.sent = try await repository.list(.sentBy(authority, areas: areas), limit: limit)
            lists.received = try await repository.list(.routedTo(authority, areas: areas), limit: limit)
            lists.draftable = procedureAreas.filter {
                principal.holds(.alertHandler(legalArea: $0.value.rawValue)) && own.legalAreas.contains($0.value.rawValue)
            }
            .keys.sorted()
        }
        let routed = routedAreas(of: principal)
        if let state = own.memberState, !routed.isEmpty {
            lists.routes = true
            let all = own.coordinatorScope == .national
            lists.toRoute = try await repository.list(.deliveredTo(state, areas: all ? nil : Set(routed.map(\.rawValue))), limit: limit)
        }
        if own.kind == .platform && principal.holds(.platformOperator) {
            lists.seesCommission = true
            lists.commission = try await repository.list(
                .procedures(Set(templates.filter { $0.value.recipients == .chosenStatesAndCommission }.keys)), limit: limit)
        }
        return lists
    }
}
