import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

extension AlertsController {
    /// The automatic routing of one legal area, as the API shows it.
    struct RoutingRuleDTO: Codable, Sendable {
        let legalArea: String
        let authorities: [String]
    }

    /// `GET /api/v1/alert-routing-rules`.
    struct RoutingRulesDTO: Codable, Sendable {
        let memberState: String
        let rules: [RoutingRuleDTO]
    }

    /// The body of `PUT /api/v1/alert-routing-rules/{area}`.
    struct RoutingRuleBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["authorities"]
        let authorities: [String]
    }

    func rulesDTO(of principal: Principal) async throws -> RoutingRulesDTO {
        let rules = try await alerts.routingRules(of: principal)
        return RoutingRulesDTO(
            memberState: principal.organisation.memberState?.rawValue ?? "",
            rules: rules.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                RoutingRuleDTO(legalArea: $0.key.rawValue, authorities: $0.value.map { $0.uuidString.lowercased() }.sorted())
            })
    }

    /// `GET /api/v1/alert-routing-rules`: the automatic routing of the coordinator's member state.
    func apiRoutingRules(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try request.checkQueryParameters(allowed: [])
        return JSONResponse(value: try await rulesDTO(of: session.principal))
    }

    /// `PUT /api/v1/alert-routing-rules/{area}`: replaces the area's automatic routing.
    func apiPutRoutingRule(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(RoutingRuleBody.self, context: context)
        let authorities = try body.authorities.map { text -> UUID in
            guard let id = UUID(uuidString: text) else { throw RequestError.invalidParameter("authorities", .malformed) }
            return id
        }
        let area = try Self.area(context.parameters.get("area") ?? "")
        try await alerts.setRoutingRule(area, to: Set(authorities), by: session.principal, now: clock.now())
        return JSONResponse(value: try await rulesDTO(of: session.principal))
    }

    /// `POST /alerts/routing-rules`: the page's form for one area.
    func postRoutingRules(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        let fields = try await request.form()
        let authorities = fields.values.keys.filter { $0.hasPrefix("authority.") && fields[$0] == "yes" }
            .compactMap { UUID(uuidString: String($0.dropFirst("authority.".count))) }
        try await alerts.setRoutingRule(try Self.area(fields["area"] ?? ""), to: Set(authorities), by: session.principal, now: clock.now())
        return Response(status: .seeOther, headers: [.location: Site.alerts.link(query: "done=routing")])
    }

    static func area(_ code: String) throws -> LegalAreaCode {
        guard let area = LegalAreaCode(rawValue: code) else { throw RequestError.invalidParameter("area", .malformed) }
        return area
    }
}
