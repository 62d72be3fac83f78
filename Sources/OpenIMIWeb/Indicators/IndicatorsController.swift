import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The public timeliness indicators of the Single Market Scoreboard, per authority or per member
/// state: the JSON figures, and a page with a chart per indicator for the last 12 months.
struct IndicatorsController: Sendable {
    /// The database, for reads no service offers.
    let database: any Database
    /// Information requests.
    let requests: RequestService
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.public(Site.API.indicators, use: apiIndicators)
        routes.public(Site.indicators, use: indicators)
    }

    /// The authority or member state of `?authority=` or `?memberState=`, with the authorities it covers.
    private enum Scope {
        case authority(Authority)
        case memberState(MemberStateCode, [UUID])
    }

    private func scope(_ request: Request) async throws -> Scope? {
        let authorities = AuthorityRepository(sql: database.sql)
        if let text = request.query("authority") {
            guard let id = UUID(uuidString: text), let authority = try await authorities.find(id) else {
                throw RequestError.invalidParameter("authority", .notAllowed)
            }
            return .authority(authority)
        }
        if let text = request.query("memberState") {
            guard let state = MemberStateCode(rawValue: text) else { throw RequestError.invalidParameter("memberState", .notAllowed) }
            return .memberState(state, try await authorities.list(memberState: state, limit: 100_000).map(\.id.uuid))
        }
        return nil
    }

    private func timings(
        _ scope: Scope
    ) async throws -> (requests: [TimelinessIndicators.Timing], alerts: [TimelinessIndicators.AlertTiming]) {
        let authorities: [UUID] =
            switch scope {
            case .authority(let authority): [authority.id.uuid]
            case .memberState(_, let ids): ids
            }
        // Alerts are counted per member state only: one authority's monthly alerts could point at a
        // person, and an outsider may not learn that an alert exists.
        var alerts: [TimelinessIndicators.AlertTiming] = []
        if case .memberState = scope {
            alerts = try await AlertRepository(sql: database.sql, keys: requests.keys).timings(sentBy: authorities)
        }
        return (try await RequestRepository(sql: database.sql, keys: requests.keys).timings(receivedBy: authorities), alerts)
    }

    /// `GET /api/v1/indicators`.
    func apiIndicators(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["authority", "memberState"])
        guard let scope = try await scope(request) else { throw RequestError.invalidParameter("memberState", .required) }
        let (received, alerts) = try await timings(scope)
        return JSONResponse(value: TimelinessIndicators(received, alerts: alerts))
    }

    /// `GET /indicators`: a chart per indicator by month for the last 12 months.
    func indicators(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["authority", "memberState"])
        let catalog = catalogs.catalog(for: context.language)
        let chosen = try await scope(request)
        var months: [TimelinessIndicators.Month] = []
        if let chosen {
            let (received, alerts) = try await timings(chosen)
            months = TimelinessIndicators.monthly(received, alerts: alerts, endingAt: clock.now())
        }
        let registry = RegistryRepository(sql: database.sql)
        let states = try await registry.memberStates()
        var name: String?
        var state: MemberStateCode?
        switch chosen {
        case .authority(let authority):
            name = "\(authority.name.text(in: context.language)) (\(authority.memberState.rawValue))"
            state = authority.memberState
        case .memberState(let code, _):
            name = states.first { $0.code == code }?.name.text(in: context.language) ?? code.rawValue
            state = code
        case nil: break
        }
        let page = IndicatorsPage(scope: name, months: months, memberStates: states, chosen: state, catalog: catalog)
        return views.render(
            "indicators", title: name.map { "\(catalog.text("indicators.title")) · \($0)" } ?? catalog.text("indicators.title"), page: page,
            request: request, context: context)
    }
}
