import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension AlertsController {
    /// The information notice about alert `id` for the person concerned, in the `language` parameter's
    /// catalog, else the language chosen when it was sent, else the reader's; for the sender's
    /// readers (the sender informs the person), reading the alert for it logged.
    private func notice(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, purpose: AccessPurpose
    ) async throws -> (PrintedReport, Date, AlertID, Catalog) {
        try request.checkQueryParameters(allowed: ["language", "lang"])
        var chosen: Language?
        if let code = request.query("language") {
            guard let language = Language(rawValue: code), catalogs.languages.contains(language) else {
                throw RequestError.unsupportedLanguage(code)
            }
            chosen = language
        }
        let id = try context.alertID()
        let now = clock.now()
        let alert = try await alerts.readAsSender(id, by: session.principal, purpose: purpose, now: now)
        let language = chosen ?? alert.noticeLanguage ?? context.language
        let catalog = catalogs.catalog(for: language)
        let report = AlertInformationNotice.report(
            of: alert, template: alerts.templates[alert.procedure.rawValue],
            names: try await RequestDirectory.load(for: alert, database: database, language: language),
            states: try await RegistryRepository(sql: database.sql).memberStates(),
            issuer: session.principal.organisation.id.uuid ?? alert.sender,
            catalog: catalog, now: now)
        return (report, now, id, catalog)
    }

    private func pdf(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, purpose: AccessPurpose
    ) async throws -> Download {
        _ = try printer.requireFonts()
        let (report, now, id, catalog) = try await notice(request, context, session, purpose: purpose)
        return Download(
            contentType: "application/pdf",
            filename: "openimi-alert-information-notice-\(id.description)-\(catalog.language.rawValue).pdf",
            bytes: try printer.print(report, catalog: catalog, identifier: id.uuid, at: now))
    }

    /// `GET /alerts/{id}/information-notice`.
    func alertInformationNotice(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let (report, _, id, catalog) = try await notice(request, context, session, purpose: .read(.web, .informationNotice))
        let link = Site.alertInformationNoticePdf.link(id.description, query: "language=\(catalog.language.rawValue)")
        return views.render(
            "printed", title: report.title, page: PrintedReportPage(report, pdfLink: link), request: request, context: context)
    }

    /// `GET /alerts/{id}/information-notice.pdf`.
    func alertInformationNoticePdf(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await pdf(request, context, session, purpose: .read(.web, .informationNoticePDF))
    }

    /// `GET /api/v1/alerts/{id}/information-notice`: the signed PDF.
    func apiAlertInformationNotice(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await pdf(request, context, session, purpose: .read(.api, .informationNotice))
    }
}
