import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The public list of legal areas and procedures (the "updated list" of the seed), as a page and as API resources.
struct RegistryController: Sendable {
    let database: any Database
    let views: ViewRenderer
    let catalogs: Catalogs
    /// The legal areas, read and encoded once per process.
    let references: ReferenceDocuments

    func addRoutes(to routes: Routes) {
        routes.public(Site.legalAreas, use: legalAreas)
        routes.public(Site.API.legalAreas, use: apiLegalAreas)
        routes.public(Site.API.legalArea, use: apiLegalArea)
        routes.public(Site.API.memberStates, use: apiMemberStates)
    }

    /// The legal areas resource.
    struct LegalAreaList: Codable, Sendable {
        let legalAreas: [LegalAreaDTO]
    }

    /// A legal area as the API shows it.
    struct LegalAreaDTO: Codable, Sendable {
        let code: String
        let name: [String: String]
        let legalActs: [LegalActDTO]
        let blockAfterMonths: Int
        let deleteAfterMonths: Int
        let sanctionsDataAllowed: Bool
        let consentIsLegalBasis: Bool
        let procedures: [ProcedureDTO]

        init(_ area: LegalArea) {
            code = area.code.rawValue
            name = area.name.dictionary
            legalActs = area.legalActs.map { LegalActDTO(celex: $0.celex, citation: $0.citation.dictionary) }
            blockAfterMonths = area.retention.blockAfterMonths
            deleteAfterMonths = RetentionRule.deleteAfterMonths
            sanctionsDataAllowed = area.sanctionsDataAllowed
            consentIsLegalBasis = area.consentIsLegalBasis
            procedures = area.procedures.map {
                ProcedureDTO(code: $0.code.rawValue, kind: $0.kind.rawValue, name: $0.name.dictionary, legalBasis: $0.legalBasis)
            }
        }
    }

    /// A legal act as the API shows it.
    struct LegalActDTO: Codable, Sendable {
        let celex: String
        let citation: [String: String]
    }

    /// A procedure as the API shows it.
    struct ProcedureDTO: Codable, Sendable {
        let code: String
        let kind: String
        let name: [String: String]
        let legalBasis: String
    }

    /// The member states resource.
    struct MemberStateList: Codable, Sendable {
        let memberStates: [MemberStateDTO]
    }

    /// A member state as the API shows it.
    struct MemberStateDTO: Codable, Sendable {
        let code: String
        let name: [String: String]
        let officialLanguages: [String]
        let isEUMember: Bool

        init(_ state: MemberState) {
            code = state.code.rawValue
            name = state.name.dictionary
            officialLanguages = state.officialLanguages.map(\.rawValue)
            isEUMember = state.isEUMember
        }
    }

    /// `GET /legal-areas`.
    func legalAreas(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let areas = try await references.legalAreas()
        let catalog = catalogs.catalog(for: context.language)
        return views.render(
            "legal-areas", title: catalog.text("legalAreas.title"),
            page: LegalAreasPage(areas: areas, catalog: catalog), request: request, context: context)
    }

    /// `GET /api/v1/legal-areas`.
    func apiLegalAreas(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: [])
        let document = try await references.legalAreasDocument { areas in
            try JSONResponse.encoded(LegalAreaList(legalAreas: areas.map(LegalAreaDTO.init)))
        }
        return Response(status: .ok, headers: [.contentType: JSONResponse<LegalAreaList>.contentType], body: .init(byteBuffer: document))
    }

    /// `GET /api/v1/legal-areas/{code}`.
    func apiLegalArea(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: [])
        let code = try context.parameters.require("code")
        guard let area = try await RegistryRepository(sql: database.sql).legalArea(code) else { throw RequestError.notFound }
        return JSONResponse(value: LegalAreaDTO(area))
    }

    /// `GET /api/v1/member-states`.
    func apiMemberStates(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: [])
        let states = try await RegistryRepository(sql: database.sql).memberStates()
        return JSONResponse(value: MemberStateList(memberStates: states.map(MemberStateDTO.init)))
    }
}

extension LocalizedText {
    /// The values keyed by language code, for JSON.
    var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }
}
