import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The platform's public privacy notice (`/privacy`, in every catalog language) and the per-request
/// information notice an involved authority gives the person concerned, in the person's language:
/// `/requests/{id}/information-notice` (HTML, `?language=`), `.pdf`, and `/api/v1/requests/{id}/information-notice` (PDF).
struct InformationNoticeController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The official wording of the recurring legal terms.
    let glossary: Glossary
    /// The machine-translation engine texts may be sent to, named in the privacy notice; nil when off.
    let translationEngine: String?
    /// The clock.
    let clock: any AppClock
    /// The database, for reads no service offers.
    let database: any Database
    /// Information requests.
    let requests: RequestService
    /// Lays out and signs printed documents.
    let printer: DocumentPrinter
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.public(Site.privacy, use: privacy)
        routes.public(Site.glossary, use: glossaryPage)
        routes.signedIn(Site.requestInformationNotice, use: requestInformationNotice)
        routes.signedIn(Site.requestInformationNoticePdf, use: requestInformationNoticePdf)
        routes.signedIn(Site.API.requestInformationNotice, use: apiRequestInformationNotice)
    }

    private func pdf(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, purpose: AccessPurpose
    ) async throws -> Download {
        _ = try printer.requireFonts()
        let (report, now, id, catalog) = try await notice(request, context, session, purpose: purpose)
        let bytes = try printer.print(report, catalog: catalog, identifier: id, at: now)
        return Download(
            contentType: "application/pdf",
            filename: "openimi-information-notice-\(id.uuidString.lowercased())-\(catalog.language.rawValue).pdf",
            bytes: bytes)
    }

    /// The notice about the request in the path, in the `language` parameter's catalog (else the reader's); logged as a read.
    private func notice(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, purpose: AccessPurpose
    ) async throws -> (PrintedReport, Date, UUID, Catalog) {
        try request.checkQueryParameters(allowed: ["language", "lang"])
        var language = context.language
        if let code = request.query("language") {
            guard let chosen = Language(rawValue: code), catalogs.languages.contains(chosen) else {
                throw RequestError.unsupportedLanguage(code)
            }
            language = chosen
        }
        let id = try context.identifier("id")
        let now = clock.now()
        let read = try await requests.read(RequestID(id), by: session.principal, purpose: purpose, now: now)
        let names = try await RequestDirectory.load(for: read, database: database, language: language)
        let catalog = catalogs.catalog(for: language)
        let report = InformationNotice.report(
            of: read, questionSet: requests.questionSets[read.procedure.rawValue], names: names,
            issuer: session.principal.organisation.id.uuid ?? read.involvement.requester.uuid, catalog: catalog, now: now)
        return (report, now, id, catalog)
    }

    /// `GET /privacy`.
    func privacy(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let catalog = catalogs.catalog(for: context.language)
        return views.render(
            "privacy", title: catalog.text("privacy.title"),
            page: PrivacyPage(machineTranslation: translationEngine.map { catalog.text("privacy.machineTranslation", ["engine": $0]) }),
            request: request, context: context)
    }

    /// The page model of `/privacy`: the fixed notice, and what it says of machine translation when on.
    struct PrivacyPage {
        let machineTranslation: String?
    }

    /// `GET /glossary`.
    func glossaryPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let catalog = catalogs.catalog(for: context.language)
        return views.render(
            "glossary", title: catalog.text("glossary.title"), page: GlossaryPage(glossary: glossary, catalog: catalog),
            request: request, context: context)
    }

    /// `GET /requests/{id}/information-notice`.
    func requestInformationNotice(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let (report, _, id, catalog) = try await notice(request, context, session, purpose: .read(.web, .informationNotice))
        let link = Site.requestInformationNoticePdf.link(id.uuidString.lowercased(), query: "language=\(catalog.language.rawValue)")
        return views.render(
            "printed", title: report.title, page: PrintedReportPage(report, pdfLink: link), request: request, context: context)
    }

    /// `GET /requests/{id}/information-notice.pdf`.
    func requestInformationNoticePdf(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await pdf(request, context, session, purpose: .read(.web, .informationNoticePDF))
    }

    /// `GET /api/v1/requests/{id}/information-notice`.
    func apiRequestInformationNotice(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await pdf(request, context, session, purpose: .read(.api, .informationNotice))
    }
}
