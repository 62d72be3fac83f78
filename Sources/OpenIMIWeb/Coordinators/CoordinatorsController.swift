import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The public list of national IMI coordinators with their contact details, as a page and an API resource.
struct CoordinatorsController: Sendable {
    let database: any Database
    let views: ViewRenderer
    let catalogs: Catalogs

    func addRoutes(to routes: Routes) {
        routes.public(Site.coordinators, use: coordinators)
        routes.public(Site.API.coordinators, use: apiCoordinators)
    }

    /// The coordinators resource.
    struct CoordinatorList: Codable, Sendable {
        let coordinators: [CoordinatorDTO]
    }

    /// A coordinator as the API shows it: public contact details only.
    struct CoordinatorDTO: Codable, Sendable {
        let id: String
        let memberState: String
        let kind: String
        let legalAreas: [String]?
        let region: String?
        let name: [String: String]
        let address: PostalAddress
        let contact: Contact

        init(_ coordinator: Coordinator) {
            id = coordinator.id.description
            memberState = coordinator.memberState.rawValue
            kind = coordinator.scope.kind.rawValue
            switch coordinator.scope {
            case .area(let areas): legalAreas = areas; region = nil
            case .region(let name): legalAreas = nil; region = name
            case .national: legalAreas = nil; region = nil
            }
            name = coordinator.name.dictionary
            address = coordinator.address
            contact = coordinator.contact
        }
    }

    /// `GET /coordinators`.
    func coordinators(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let coordinators = try await CoordinatorRepository(sql: database.sql).all()
        let registry = RegistryRepository(sql: database.sql)
        let catalog = catalogs.catalog(for: context.language)
        let page = CoordinatorsPage(
            coordinators: coordinators, states: try await registry.memberStates(), areas: try await registry.legalAreas(),
            catalog: catalog)
        return views.render(
            "coordinators", title: catalog.text("coordinators.title"), page: page, request: request, context: context)
    }

    /// `GET /api/v1/coordinators`.
    func apiCoordinators(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["kind"])
        var kind: CoordinatorKind?
        if let raw = request.query("kind") {
            guard let parsed = CoordinatorKind(rawValue: raw) else { throw RequestError.invalidParameter("kind", .notAllowed) }
            kind = parsed
        }
        let coordinators = try await CoordinatorRepository(sql: database.sql).all(kind: kind)
        return JSONResponse(value: CoordinatorList(coordinators: coordinators.map(CoordinatorDTO.init)))
    }
}
