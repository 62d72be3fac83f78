import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RightsRegisterController {
    func addPageRoutes(to routes: Routes) {
        routes.signedIn(Site.rightsRequests, use: rightsRequests)
        routes.signedIn(Site.postRightsRequests, use: postRightsRequests)
        routes.signedIn(Site.rightsRequestsOverdue, use: rightsRequestsOverdue)
        routes.signedIn(Site.rightsRequest, use: rightsRequest)
        routes.signedIn(Site.postRightsRequestAnswer, use: postRightsRequestAnswer)
        routes.signedIn(Site.rightsRequestExportPdf, use: rightsRequestExportPdf)
        routes.signedIn(Site.postRightsRequestAction, use: postRightsRequestAction)
        routes.signedIn(Site.corrections, use: corrections)
        routes.signedIn(Site.postCorrectionApply, use: postCorrectionApply)
    }

    /// `GET /rights-requests`.
    func rightsRequests(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await registerPage(request, context, session)
    }

    /// The register with the form for a new entry; after a refusal, with what was typed (422).
    private func registerPage(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let catalog = catalogs.catalog(for: context.language)
        let page = RightsRegisterPage(
            entries: try await rightsRegister.entries(by: session.principal), languages: catalogs.languages,
            today: RightsRequest.day(of: clock.now()), now: clock.now(), catalog: catalog, form: form)
        return views.render(
            "rights-requests", title: catalog.text("rights.title"), page: page, request: request, context: context, form: form)
    }

    /// `POST /rights-requests`.
    func postRightsRequests(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        do {
            return try await receive(fields, session)
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = [
                "kind": "rights.kindLabel", "givenNames": "subject.givenNames", "familyNames": "subject.familyNames",
                "dateOfBirth": "subject.dateOfBirth", "identification": "rights.identification", "language": "rights.language",
                "receivedOn": "rights.received",
            ].mapValues { catalog.text($0) }
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "new-rights-request", labels: labels, catalog: catalog,
                    languages: catalogs.languages)
            else { throw error }
            return try await registerPage(request, context, session, form: echo).response(from: request, context: context)
        }
    }

    /// Records the entry the form describes, and leads to it.
    private func receive(_ fields: FormFields, _ session: ActiveSession) async throws -> Response {
        func text(_ name: String) -> String { fields[name]?.trimmingCharacters(in: .whitespaces) ?? "" }
        guard let kind = RightsRequestKind(rawValue: text("kind")) else { throw RequestError.invalidParameter("kind", .notAllowed) }
        guard let language = Language(rawValue: text("language")) else { throw RequestError.invalidParameter("language", .notAllowed) }
        let identifiers =
            text("identifier").isEmpty
            ? [] : [PersonalIdentifier(kind: "national-id", value: text("identifier"), issuer: fields["issuer"])]
        let subject = DataSubject.person(
            NaturalPerson(
                givenNames: text("givenNames"), familyNames: text("familyNames"),
                dateOfBirth: text("dateOfBirth").isEmpty ? nil : text("dateOfBirth"), nationalities: [], identifiers: identifiers))
        let entry = try await rightsRegister.receive(
            NewRightsRequest(
                kind: kind, subject: subject, identification: text("identification"), language: language, receivedOn: text("receivedOn")
            ),
            by: session.principal, now: clock.now())
        return Response(status: .seeOther, headers: [.location: Site.rightsRequest.link(entry.id.uuidString.lowercased())])
    }

    /// `GET /rights-requests/overdue`.
    func rightsRequestsOverdue(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let catalog = catalogs.catalog(for: context.language)
        let overdue = try await rightsRegister.overdue(by: session.principal, now: clock.now())
        let names = try await RequestDirectory.load(
            Set(overdue.compactMap { UUID(uuidString: $0.authorityID) }), areas: [], database: database,
            language: context.language)
        let page = OverdueRightsPage(overdue: overdue, names: names, catalog: catalog)
        return views.render(
            "rights-overdue", title: catalog.text("rights.overdueTitle"), page: page, request: request, context: context)
    }

    /// `GET /rights-requests/{id}`.
    func rightsRequest(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await entryPage(request, context, session)
    }

    /// One entry of the register with what it found; after a refused answer, with what was typed (422).
    private func entryPage(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let catalog = catalogs.catalog(for: context.language)
        let now = clock.now()
        let (entry, matches) = try await rightsRegister.findData(try context.identifier("id"), by: session.principal, now: now)
        let (_, alerts) = try await rightsRegister.findAlerts(entry.id, by: session.principal, now: now)
        let names = try await RequestDirectory.load(
            [], areas: Set(matches.map(\.legalArea) + alerts.map(\.legalArea.rawValue)), database: database, language: context.language)
        let page = RightsRequestPage(
            entry: entry, matches: matches, alerts: alerts, alertTemplates: rightsRegister.alerts.templates,
            authority: session.principal.organisation.id.uuid, names: names, now: now, catalog: catalog)
        return views.render(
            "rights-request", title: catalog.text("rights.entryTitle"), page: page, request: request, context: context, form: form)
    }

    /// `POST /rights-requests/{id}/answer`.
    func postRightsRequestAnswer(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try context.identifier("id")
        do {
            guard let status = RightsRequestStatus(rawValue: fields["status"] ?? "") else {
                throw RequestError.invalidParameter("status", .notAllowed)
            }
            _ = try await rightsRegister.handle(
                id, status: status, outcome: fields["outcome"] ?? "", expectedVersion: Int(fields["version"] ?? "") ?? 0,
                by: session.principal,
                now: clock.now())
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = ["status": catalog.text("rights.statusLabel"), "outcome": catalog.text("rights.outcome")]
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "answer-rights-request", labels: labels, catalog: catalog,
                    languages: catalogs.languages)
            else { throw error }
            return try await entryPage(request, context, session, form: echo).response(from: request, context: context)
        }
        return Response(status: .seeOther, headers: [.location: Site.rightsRequest.link(id.uuidString.lowercased())])
    }

    /// `GET /rights-requests/{id}/export.pdf`.
    func rightsRequestExportPdf(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await exportPDF(context, session)
    }

    /// `POST /rights-requests/{id}/{action}`.
    func postRightsRequestAction(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try context.identifier("id")
        try await act(
            context.parameters.get("action") ?? "", on: id,
            body: ActionBody(request: fields["request"], alert: fields["alert"], field: fields["field"], value: fields["value"]),
            by: session.principal)
        return Response(status: .seeOther, headers: [.location: Site.rightsRequest.link(id.uuidString.lowercased(), query: "done=1")])
    }

    /// `GET /corrections`.
    func corrections(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let catalog = catalogs.catalog(for: context.language)
        let page = CorrectionsPage(corrections: try await requests.corrections(for: session.principal), catalog: catalog)
        return views.render(
            "corrections", title: catalog.text("corrections.title"), page: page, request: request, context: context)
    }

    /// `POST /corrections/{id}/apply`.
    func postCorrectionApply(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        _ = try await requests.applyCorrection(try context.identifier("id"), by: session.principal, now: clock.now())
        return Response(status: .seeOther, headers: [.location: Site.corrections.link()])
    }
}
