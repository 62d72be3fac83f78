import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The public timeliness indicators of the Single Market Scoreboard, per authority or per member state.
struct IndicatorsController: Sendable {
    /// The database, for reads no service offers.
    let database: any Database
    /// Information requests.
    let requests: RequestService

    func addRoutes(to routes: Routes) {
        routes.public(Site.API.indicators, use: apiIndicators)
    }

    /// `GET /api/v1/indicators`.
    func apiIndicators(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["authority", "memberState"])
        let responders: [UUID]
        if let text = request.query("authority") {
            guard let id = UUID(uuidString: text), try await AuthorityRepository(sql: database.sql).find(id) != nil else {
                throw RequestError.invalidParameter("authority", .notAllowed)
            }
            responders = [id]
        } else if let text = request.query("memberState") {
            guard let state = MemberStateCode(rawValue: text) else { throw RequestError.invalidParameter("memberState", .notAllowed) }
            responders = try await AuthorityRepository(sql: database.sql).list(memberState: state, limit: 100_000).map(\.id.uuid)
        } else {
            throw RequestError.invalidParameter("memberState", .required)
        }
        let timings = try await RequestRepository(sql: database.sql, keys: requests.keys).timings(
            receivedBy: responders)
        return JSONResponse(value: TimelinessIndicators(timings))
    }
}
