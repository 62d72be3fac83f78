import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The register of data subjects' rights requests (`/api/v1/rights-requests`, page
/// `/rights-requests`), what is done from an entry, the overdue list of a national coordinator, and
/// the corrections other authorities made (`/api/v1/corrections`).
struct RightsRegisterController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// The database, for reads no service offers.
    let database: any Database
    /// Information requests.
    let requests: RequestService
    /// The registers of data subjects' rights requests.
    let rightsRegister: RightsRegister
    /// Lays out and signs printed documents.
    let printer: DocumentPrinter
    /// The HTML views.
    let views: ViewRenderer

    /// A new entry.
    struct EntryBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["kind", "subject", "identification", "language", "receivedOn"]
        let kind: String
        let subject: RequestsController.SubjectDTO
        let identification: String
        let language: String
        let receivedOn: String

        func entry() throws -> NewRightsRequest {
            guard let kind = RightsRequestKind(rawValue: kind) else { throw RequestError.invalidParameter("kind", .notAllowed) }
            guard let language = Language(rawValue: language) else { throw RequestError.unsupportedLanguage(language) }
            return NewRightsRequest(
                kind: kind, subject: try subject.subject(), identification: identification, language: language, receivedOn: receivedOn)
        }
    }

    /// The answer to an entry.
    struct AnswerBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["status", "outcome", "version"]
        let status: String
        let outcome: String
        let version: Int
    }

    /// An action on one of the person's requests.
    struct ActionBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["request", "alert", "field", "value"]
        /// The request acted on; absent when an alert is.
        let request: String?
        /// With `erasures` and `corrections`: the alert acted on, in place of a request (its field is a
        /// personal field of the alert's template).
        let alert: String?
        let field: String?
        let value: String?

        func requestID() throws -> RequestID {
            guard let request else { throw RequestError.invalidParameter("request", .required) }
            guard let id = RequestID(request) else { throw RequestError.invalidParameter("request", .malformed) }
            return id
        }

        /// The alert named, when one is.
        func alertID() throws -> AlertID? {
            guard let alert else { return nil }
            guard let id = AlertID(alert) else { throw RequestError.invalidParameter("alert", .malformed) }
            return id
        }

        func correction() throws -> (CorrectableField, String) {
            guard let field = field.flatMap(CorrectableField.init(rawValue:)) else {
                throw RequestError.invalidParameter("field", .notAllowed)
            }
            guard let value else { throw RequestError.invalidParameter("value", .required) }
            return (field, value)
        }
    }

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.API.postRightsRequests, use: apiPostRightsRequests)
        routes.signedIn(Site.API.rightsRequests, use: apiRightsRequests)
        routes.signedIn(Site.API.rightsRequestsOverdue, use: apiRightsRequestsOverdue)
        routes.signedIn(Site.API.rightsRequest, use: apiRightsRequest)
        routes.signedIn(Site.API.postRightsRequestAnswer, use: apiPostRightsRequestAnswer)
        routes.signedIn(Site.API.rightsRequestData, use: apiRightsRequestData)
        routes.signedIn(Site.API.rightsRequestExport, use: apiRightsRequestExport)
        routes.signedIn(Site.API.rightsRequestExportPdf, use: apiRightsRequestExportPdf)
        routes.signedIn(Site.API.postRightsRequestAction, use: apiPostRightsRequestAction)
        routes.signedIn(Site.API.corrections, use: apiCorrections)
        routes.signedIn(Site.API.postCorrectionApplication, use: apiPostCorrectionApplication)
        addPageRoutes(to: routes)
    }

    /// Carries out `action` ("corrections", "erasures", "restrictions", "contests") of entry `id`.
    func act(_ action: String, on id: UUID, body: ActionBody, by principal: Principal) async throws {
        let now = clock.now()
        switch action {
        case "corrections":
            if let alert = try body.alertID() {
                guard let field = body.field, let value = body.value else { throw RequestError.invalidParameter("value", .required) }
                _ = try await rightsRegister.correctAlert(id, alert: alert, field: field, to: value, by: principal, now: now)
            } else {
                let (field, value) = try body.correction()
                _ = try await rightsRegister.correct(id, request: try body.requestID(), field: field, to: value, by: principal, now: now)
            }
        case "erasures":
            if let alert = try body.alertID() {
                try await rightsRegister.eraseAlert(id, alert: alert, by: principal, now: now)
            } else {
                try await rightsRegister.erase(id, request: try body.requestID(), by: principal, now: now)
            }
        case "restrictions":
            try await rightsRegister.restrict(id, request: try body.requestID(), by: principal, now: now)
        case "contests":
            let (field, value) = try body.correction()
            try await rightsRegister.contest(
                id, request: try body.requestID(), field: field, correctedValue: value, by: principal, now: now)
        default:
            throw InformationRequestError.notFound
        }
    }

    /// The person's data as a signed PDF in the person's language.
    func exportPDF(_ context: AppRequestContext, _ session: ActiveSession) async throws -> Download {
        _ = try printer.requireFonts()
        let now = clock.now()
        let (entry, exported) = try await rightsRegister.export(try context.identifier("id"), by: session.principal, now: now)
        let alerts = try await rightsRegister.exportAlerts(entry.id, by: session.principal, now: now)
        let catalog = catalogs.catalog(for: catalogs.languages.contains(entry.language) ? entry.language : .en)
        var ids = Set(exported.compactMap(\.request).flatMap { [$0.involvement.requester.uuid, $0.involvement.responder.uuid] })
        if let own = session.principal.organisation.id.uuid { ids.insert(own) }
        ids.formUnion(alerts.map(\.summary.sender))
        let names = try await RequestDirectory.load(
            ids, areas: Set(exported.map(\.match.legalArea) + alerts.map(\.summary.legalArea.rawValue)), database: database,
            language: catalog.language)
        let report = PersonalDataExport.report(
            entry: entry, exported: exported, alerts: alerts, alertTemplates: rightsRegister.alerts.templates,
            questionSets: requests.questionSets, names: names,
            authority: try session.principal.actingOrganisationID(), catalog: catalog, now: now)
        return Download(
            contentType: "application/pdf", filename: "openimi-personal-data-\(entry.id.uuidString.lowercased()).pdf",
            bytes: try printer.print(report, catalog: catalog, identifier: entry.id, at: now))
    }

    /// `POST /api/v1/rights-requests`.
    func apiPostRightsRequests(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(EntryBody.self, context: context)
        return JSONResponse(
            value: EntryDTO(
                try await rightsRegister.receive(try body.entry(), by: session.principal, now: clock.now()),
                now: clock.now()),
            status: .created)
    }

    /// `GET /api/v1/rights-requests`.
    func apiRightsRequests(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let now = clock.now()
        return JSONResponse(
            value: EntriesDTO(rightsRequests: try await rightsRegister.entries(by: session.principal).map { EntryDTO($0, now: now) }))
    }

    /// `GET /api/v1/rights-requests/overdue`.
    func apiRightsRequestsOverdue(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(value: OverdueDTO(overdue: try await rightsRegister.overdue(by: session.principal, now: clock.now())))
    }

    /// `GET /api/v1/rights-requests/{id}`.
    func apiRightsRequest(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        JSONResponse(
            value: EntryDTO(try await rightsRegister.entry(try context.identifier("id"), by: session.principal), now: clock.now()))
    }

    /// `POST /api/v1/rights-requests/{id}/answer`.
    func apiPostRightsRequestAnswer(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(AnswerBody.self, context: context)
        guard let status = RightsRequestStatus(rawValue: body.status) else {
            throw RequestError.invalidParameter("status", .notAllowed)
        }
        let now = clock.now()
        return JSONResponse(
            value: EntryDTO(
                try await rightsRegister.handle(
                    try context.identifier("id"), status: status, outcome: body.outcome, expectedVersion: body.version,
                    by: session.principal, now: now), now: now))
    }

    /// `GET /api/v1/rights-requests/{id}/data`.
    func apiRightsRequestData(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let (id, now) = (try context.identifier("id"), clock.now())
        let (_, matches) = try await rightsRegister.findData(id, by: session.principal, now: now)
        let (_, alerts) = try await rightsRegister.findAlerts(id, by: session.principal, now: now)
        return JSONResponse(
            value: SubjectSearchController.ResultDTO(
                requests: matches.map(SubjectSearchController.MatchDTO.init), alerts: alerts.map(AlertSummaryDTO.init)))
    }

    /// `GET /api/v1/rights-requests/{id}/export`.
    func apiRightsRequestExport(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let (id, now) = (try context.identifier("id"), clock.now())
        let (entry, exported) = try await rightsRegister.export(id, by: session.principal, now: now)
        let alerts = try await rightsRegister.exportAlerts(id, by: session.principal, now: now)
        return JSONResponse(value: PersonalDataExportDTO(entry: entry, exported: exported, alerts: alerts))
    }

    /// `GET /api/v1/rights-requests/{id}/export.pdf`.
    func apiRightsRequestExportPdf(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await exportPDF(context, session)
    }

    /// `POST /api/v1/rights-requests/{id}/{action}`.
    func apiPostRightsRequestAction(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(ActionBody.self, context: context)
        try await act(context.parameters.get("action") ?? "", on: try context.identifier("id"), body: body, by: session.principal)
        return Response(status: .noContent)
    }

    /// `GET /api/v1/corrections`.
    func apiCorrections(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        JSONResponse(
            value: CorrectionsDTO(corrections: try await requests.corrections(for: session.principal).map(CorrectionDTO.init)))
    }

    /// `POST /api/v1/corrections/{id}/application`.
    func apiPostCorrectionApplication(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(
            value: CorrectionDTO(
                try await requests.applyCorrection(
                    try context.identifier("id"), by: session.principal, now: clock.now())))
    }
}
