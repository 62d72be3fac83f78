import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Repositories in the pages and the JSON API: the registers the user reads, searching one by a
/// field's exact value, reading a record with its history, and for the designated authorities'
/// maintainers recording and changing records.
struct RepositoriesController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Repositories.
    let repositories: RepositoryService
    /// The database, for the names of authorities.
    let database: any Database
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.repositories, use: repositoriesPage)
        routes.signedIn(Site.repository, use: repositoryPage)
        routes.signedIn(Site.postRepositoryRecords, use: postRecords)
        routes.signedIn(Site.repositoryRecord, use: recordPage)
        routes.signedIn(Site.postRepositoryRecord, use: postRecord)
        routes.signedIn(Site.API.repositories, use: apiRepositories)
        routes.signedIn(Site.API.repositoryRecords, use: apiSearch)
        routes.signedIn(Site.API.postRepositoryRecords, use: apiPostRecords)
        routes.signedIn(Site.API.repositoryRecord, use: apiRecord)
        routes.signedIn(Site.API.putRepositoryRecord, use: apiPutRecord)
        routes.signedIn(Site.API.putRepositoryMaintainer, use: apiPutMaintainer)
    }

    /// The body of `POST /api/v1/repositories/{code}/records` and of a record's `PUT`.
    struct RecordBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["values", "version"]
        let values: [String: String]
        /// With `PUT`: the version last seen.
        let version: Int?
    }

    /// `GET /api/v1/repositories`.
    func apiRepositories(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try request.checkQueryParameters(allowed: [])
        let visible = try await repositories.visible(to: session.principal)
        return JSONResponse(value: [
            "repositories": visible.map { RepositoryDTO($0.definition, maintains: $0.maintains, language: context.language) }
        ])
    }

    /// `GET /api/v1/repositories/{code}/records?field=&value=`: the records whose field is that value.
    func apiSearch(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["field", "value"])
        guard let field = request.query("field") else { throw RequestError.invalidParameter("field", .required) }
        guard let value = request.query("value") else { throw RequestError.invalidParameter("value", .required) }
        let found = try await repositories.search(
            in: try await repositories.open(try context.code(), by: session.principal), field: field, value: value, now: clock.now())
        return JSONResponse(value: ["records": found.map(RepositoryRecordDTO.init)])
    }

    /// `POST /api/v1/repositories/{code}/records`.
    func apiPostRecords(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(RecordBody.self, context: context)
        let created = try await repositories.record(
            body.values, in: try await repositories.open(try context.code(), by: session.principal), now: clock.now())
        return JSONResponse(value: RepositoryRecordDTO(created), status: .created)
    }

    /// `GET /api/v1/repositories/{code}/records/{id}`.
    func apiRecord(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        JSONResponse(
            value: RepositoryRecordDTO(
                try await repositories.read(
                    try context.recordID(), in: try await repositories.open(try context.code(), by: session.principal), now: clock.now())))
    }

    /// `PUT /api/v1/repositories/{code}/records/{id}`.
    func apiPutRecord(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(RecordBody.self, context: context)
        guard let version = body.version else { throw RequestError.invalidParameter("version", .required) }
        let changed = try await repositories.change(
            try context.recordID(), in: try await repositories.open(try context.code(), by: session.principal), to: body.values,
            expectedVersion: version, now: clock.now())
        return JSONResponse(value: RepositoryRecordDTO(changed))
    }

    /// `PUT /api/v1/repositories/{code}/maintainers/{authority}`: the national coordinator designates an authority.
    func apiPutMaintainer(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        try await repositories.designate(
            try context.identifier("authority"), for: try context.code(), by: session.principal, now: clock.now())
        return Response(status: .noContent)
    }
}
