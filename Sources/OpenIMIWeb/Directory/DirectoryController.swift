import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The authority directory: search and authority pages, and the same as API resources.
///
/// Until sign-in exists, only validated authorities are shown; pending and suspended ones are
/// visible to their coordinators only.
struct DirectoryController: Sendable {
    let database: any Database
    let views: ViewRenderer
    let catalogs: Catalogs
    /// The legal areas, read once per process, against which a search's area is checked.
    let references: ReferenceDocuments
    /// Searches' answers, kept for a few seconds.
    let answers: DirectoryAnswers

    func addRoutes(to routes: Routes) {
        routes.public(Site.directory, use: directory)
        routes.public(Site.authority, use: authority)
        routes.public(Site.API.authorities, use: apiAuthorities)
        routes.public(Site.API.postAuthoritiesSearch, use: apiPostAuthoritiesSearch)
        routes.public(Site.API.authority, use: apiAuthority)
    }

    /// Builds and checks a query from request values; unknown states and areas are refused.
    private func directoryQuery(
        memberState: String?, legalArea: String?, keyword: String?, name: String?, page: Int, perPage: Int
    ) async throws -> DirectoryQuery {
        var state: MemberStateCode?
        if let memberState {
            guard let code = MemberStateCode(rawValue: memberState) else { throw RequestError.invalidParameter("memberState", .notAllowed) }
            state = code
        }
        if let legalArea, !(try await isKnown(legalArea: legalArea)) {
            throw RequestError.invalidParameter("legalArea", .notAllowed)
        }
        do {
            return try DirectoryQuery(memberState: state, legalArea: legalArea, keyword: keyword, name: name, page: page, perPage: perPage)
        } catch .invalidField(let field, let reason) {
            throw RequestError.invalidParameter(field, reason)
        }
    }

    private func isKnown(legalArea: String) async throws -> Bool {
        try await references.legalAreas().contains { $0.code.rawValue == legalArea }
    }

    private func publicAuthority(_ id: String?) async throws -> Authority {
        guard let id, let uuid = UUID(uuidString: id),
            let authority = try await AuthorityRepository(sql: database.sql).find(uuid), authority.status == .validated
        else { throw RequestError.notFound }
        return authority
    }

    /// The body of `POST /api/v1/authorities/search`.
    struct SearchRequest: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["memberState", "legalArea", "keyword", "name", "page", "perPage"]
        let memberState: String?
        let legalArea: String?
        let keyword: String?
        let name: String?
        let page: Int?
        let perPage: Int?
    }

    /// A page of authorities as the API shows it.
    struct AuthorityPageDTO: Codable, Sendable {
        let items: [AuthorityDTO]
        let page: Int
        let perPage: Int
        let total: Int
        let pageCount: Int

        init(_ page: Page<Authority>) {
            items = page.items.map(AuthorityDTO.init)
            self.page = page.page
            perPage = page.perPage
            total = page.total
            pageCount = page.pageCount
        }
    }

    /// An authority as the API shows it.
    struct AuthorityDTO: Codable, Sendable {
        let id: String
        let memberState: String
        let status: String
        let name: [String: String]
        let address: PostalAddress
        let contact: Contact
        let legalAreas: [String]
        let keywords: [String]
        let languages: [String]

        init(_ authority: Authority) {
            id = authority.id.description
            memberState = authority.memberState.rawValue
            status = authority.status.rawValue
            name = authority.name.dictionary
            address = authority.address
            contact = authority.contact
            legalAreas = authority.legalAreas
            keywords = authority.keywords
            languages = authority.languages.map(\.rawValue)
        }
    }

    /// `GET /directory`.
    func directory(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let query = try await directoryQuery(
            memberState: request.query("memberState"), legalArea: request.query("legalArea"),
            keyword: request.query("keyword"), name: request.query("name"),
            page: try request.queryInt("page", default: 1, in: 1...DirectoryQuery.maximumPage), perPage: DirectoryQuery.defaultPerPage)
        let results = try await answers.page(for: query)
        let registry = RegistryRepository(sql: database.sql)
        let catalog = catalogs.catalog(for: context.language)
        let page = DirectoryPage(
            query: query, results: results, states: try await registry.memberStates(),
            areas: try await references.legalAreas(), catalog: catalog)
        return views.render(
            "directory", title: catalog.text("directory.title"), page: page, request: request, context: context)
    }

    /// `GET /directory/authorities/{id}`.
    func authority(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let authority = try await publicAuthority(context.parameters.get("id"))
        let registry = RegistryRepository(sql: database.sql)
        let catalog = catalogs.catalog(for: context.language)
        let page = AuthorityPage(
            authority: authority, states: try await registry.memberStates(), areas: try await references.legalAreas(),
            catalog: catalog)
        return views.render("authority", title: page.name, page: page, request: request, context: context)
    }

    /// `GET /api/v1/authorities`.
    func apiAuthorities(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["memberState", "legalArea", "keyword", "name", "page", "perPage"])
        let query = try await directoryQuery(
            memberState: request.query("memberState"), legalArea: request.query("legalArea"),
            keyword: request.query("keyword"), name: request.query("name"),
            page: try request.queryInt("page", default: 1, in: 1...DirectoryQuery.maximumPage),
            perPage: try request.queryInt("perPage", default: DirectoryQuery.defaultPerPage, in: 1...DirectoryQuery.maximumPerPage))
        return try await apiAnswer(to: query)
    }

    /// `POST /api/v1/authorities/search`.
    func apiPostAuthoritiesSearch(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(SearchRequest.self, context: context)
        let query = try await directoryQuery(
            memberState: body.memberState, legalArea: body.legalArea, keyword: body.keyword, name: body.name,
            page: body.page ?? 1, perPage: body.perPage ?? DirectoryQuery.defaultPerPage)
        return try await apiAnswer(to: query)
    }

    /// The API's page of authorities answering `query`, as kept by ``answers``.
    private func apiAnswer(to query: DirectoryQuery) async throws -> Response {
        let document = try await answers.document(for: query) { try JSONResponse.encoded(AuthorityPageDTO($0)) }
        return Response(status: .ok, headers: [.contentType: JSONResponse<AuthorityPageDTO>.contentType], body: .init(byteBuffer: document))
    }

    /// `GET /api/v1/authorities/{id}`.
    func apiAuthority(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: [])
        return JSONResponse(value: AuthorityDTO(try await publicAuthority(context.parameters.get("id"))))
    }
}
