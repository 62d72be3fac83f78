import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The signed record of processing for a data protection authority:
/// `GET /api/v1/authorities/{id}/supervisory-export?from=&through=` (`application/jose`) and the
/// page `/supervision`, for an authority's local data administrator or its national coordinator.
struct SupervisionController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// The signed records of processing.
    let supervisoryExport: SupervisoryExport
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.API.authoritySupervisoryExport, use: apiAuthoritySupervisoryExport)
        routes.signedIn(Site.supervision, use: supervision)
        routes.signedIn(Site.postSupervision, use: postSupervision)
    }

    private func export(_ authority: UUID, from: String?, through: String?, _ session: ActiveSession) async throws -> Download {
        guard let from, let through else { throw RequestError.invalidParameter(from == nil ? "from" : "through", .required) }
        let issued = try await supervisoryExport.export(
            authority: authority, from: from, through: through, by: session.principal, now: clock.now())
        return Download(
            contentType: "application/jose",
            filename: "openimi-record-of-processing-\(authority.uuidString.lowercased())-\(from)-\(through).jws",
            bytes: Array(issued.jws.utf8))
    }

    /// `GET /api/v1/authorities/{id}/supervisory-export`.
    func apiAuthoritySupervisoryExport(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["from", "through"])
        return try await export(try context.identifier("id"), from: request.query("from"), through: request.query("through"), session)
    }

    /// `GET /supervision`.
    func supervision(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await supervisionPage(request, context, session)
    }

    /// The export form; after a refusal, with the authority and period typed (422).
    private func supervisionPage(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let principal = session.principal
        let mayExport = try await supervisoryExport.authorities(exportableBy: principal)
        guard !mayExport.isEmpty else { throw IdentityError.forbidden(.missingRole) }
        let catalog = catalogs.catalog(for: context.language)
        let today = RightsRequest.day(of: clock.now())
        let page = SupervisionPage(
            authorities: mayExport.map {
                .init(
                    id: $0.id.description, name: $0.name.text(in: context.language),
                    selected: form?.values["authority"] == $0.id.description)
            },
            from: form?.values["from"] ?? String(today.prefix(4)) + "-01-01", through: form?.values["through"] ?? today)
        return views.render(
            "supervision", title: catalog.text("supervision.title"), page: page, request: request, context: context, form: form)
    }

    /// `POST /supervision`.
    func postSupervision(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        let fields = try await request.form()
        do {
            guard let id = fields["authority"].flatMap(UUID.init(uuidString:)) else {
                throw RequestError.invalidParameter("authority", .required)
            }
            return try await export(id, from: fields["from"], through: fields["through"], session).response(from: request, context: context)
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = ["authority": "supervision.authority", "from": "supervision.from", "through": "supervision.through"]
                .mapValues { catalog.text($0) }
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "supervisory-export", labels: labels, catalog: catalog,
                    languages: catalogs.languages)
            else { throw error }
            return try await supervisionPage(request, context, session, form: echo).response(from: request, context: context)
        }
    }
}

/// The form for exporting a record of processing.
struct SupervisionPage {
    struct Option {
        let id: String
        let name: String
        var selected = false
    }

    let authorities: [Option]
    let from: String
    let through: String
}
