import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Alerts in the JSON API: drafting, reading (logged), and the steps of the workflow — the
/// sender's send, amend, close and withdraw, a recipient coordinator's route, a routed authority's
/// acknowledge.
struct AlertsController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Alerts.
    let alerts: AlertService
    /// The database, for the names of states, authorities and procedures pages show.
    let database: any Database
    /// Lays out and signs printed documents.
    let printer: DocumentPrinter
    /// Signs the checkpoints an alert's evidence proves its log entries against.
    let checkpointer: LogCheckpointer
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.alerts, use: alertsPage)
        routes.signedIn(Site.newAlert, use: newAlert)
        routes.signedIn(Site.postAlerts, use: postAlerts)
        routes.signedIn(Site.alert, use: alertPage)
        routes.signedIn(Site.postAlertSteps, use: postAlertSteps)
        routes.signedIn(Site.postAlertRoutingRules, use: postRoutingRules)
        routes.signedIn(Site.alertInformationNotice, use: alertInformationNotice)
        routes.signedIn(Site.alertInformationNoticePdf, use: alertInformationNoticePdf)
        routes.signedIn(Site.API.alertInformationNotice, use: apiAlertInformationNotice)
        routes.signedIn(Site.alertEvidence, use: alertEvidence)
        routes.signedIn(Site.API.alertEvidence, use: alertEvidence)
        routes.signedIn(Site.alertReport, use: alertReport)
        routes.signedIn(Site.API.alertReport, use: apiAlertReport)
        routes.signedIn(Site.API.alertRoutingRules, use: apiRoutingRules)
        routes.signedIn(Site.API.putAlertRoutingRule, use: apiPutRoutingRule)
        routes.signedIn(Site.API.alerts, use: apiAlerts)
        routes.signedIn(Site.API.postAlerts, use: apiPostAlerts)
        routes.signedIn(Site.API.alert, use: apiAlert)
        routes.signedIn(Site.API.postAlertSteps, use: apiPostAlertSteps)
    }

    /// The body of `POST /api/v1/alerts`.
    struct NewAlertBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["procedure", "values", "language"]
        let procedure: String
        let values: [String: String]
        let language: String
    }

    /// The body of `POST /api/v1/alerts/{id}/steps`.
    struct StepBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["action", "version", "recipients", "values", "language", "authorities", "noticeLanguage"]
        let action: String
        let version: Int
        /// With `send`, for a procedure sent to chosen states: the member states.
        let recipients: [String]?
        /// With `amend`: the new content.
        let values: [String: String]?
        /// With `amend`: its language.
        let language: String?
        /// With `route`: the authorities of the coordinator's state.
        let authorities: [String]?
        /// With `send`: the language of the person concerned, for their information notice.
        let noticeLanguage: String?
    }

    /// `POST /api/v1/alerts`.
    func apiPostAlerts(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(NewAlertBody.self, context: context)
        let created = try await alerts.createDraft(
            NewAlert(procedure: body.procedure, values: body.values, language: try Self.language(body.language)), by: session.principal,
            now: clock.now())
        return JSONResponse(value: AlertDTO(created), status: .created)
    }

    /// `GET /api/v1/alerts`: the principal's alerts by the part it plays, without personal data.
    func apiAlerts(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: [])
        return JSONResponse(value: AlertListsDTO(try await alerts.lists(of: session.principal)))
    }

    /// `GET /api/v1/alerts/{id}`: the alert with its personal data for its readers (logged as a
    /// read), only that it exists for the coordinators who route it.
    func apiAlert(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        try Self.json(
            try await alerts.view(try context.alertID(), by: session.principal, purpose: .read(.api, .getAlert), now: clock.now()),
            request: request, context: context)
    }

    /// `GET /alerts/{id}/evidence` and `GET /api/v1/alerts/{id}/evidence`: the signed JSON evidence.
    func alertEvidence(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Download {
        let id = try context.alertID()
        let jws = try await alerts.evidence(of: id, by: session.principal, checkpointer: checkpointer, now: clock.now())
        return Download(contentType: "application/jose", filename: "openimi-alert-evidence-\(id.description).jws", bytes: Array(jws.utf8))
    }

    /// `GET /alerts/{id}/report`: the signed PDF report in the reader's language, for its readers.
    func alertReport(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Download {
        try await report(context, session, purpose: .read(.web, .getReport))
    }

    /// `GET /api/v1/alerts/{id}/report`.
    func apiAlertReport(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Download {
        try await report(context, session, purpose: .read(.api, .getReport))
    }

    private func report(_ context: AppRequestContext, _ session: ActiveSession, purpose: AccessPurpose) async throws -> Download {
        let id = try context.alertID()
        let pdf = try await alerts.report(
            of: id, by: session.principal, purpose: purpose, checkpointer: checkpointer, printer: printer,
            catalog: catalogs.catalog(for: context.language), now: clock.now())
        return Download(contentType: "application/pdf", filename: "openimi-alert-report-\(id.description).pdf", bytes: pdf)
    }

    /// The alert as the principal may see it: the whole of it, or that it exists.
    static func json(_ view: AlertView, request: Request, context: AppRequestContext) throws -> Response {
        switch view {
        case .full(let alert): try JSONResponse(value: AlertDTO(alert)).response(from: request, context: context)
        case .existence(let existence): try JSONResponse(value: AlertExistenceDTO(existence)).response(from: request, context: context)
        }
    }

    /// `POST /api/v1/alerts/{id}/steps`.
    func apiPostAlertSteps(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(StepBody.self, context: context)
        guard let action = AlertAction(rawValue: body.action) else { throw RequestError.invalidParameter("action", .notAllowed) }
        let id = try context.alertID()
        let (principal, now) = (session.principal, clock.now())
        let changed: Alert
        switch action {
        case .send:
            let recipients = try (body.recipients ?? []).map { code -> MemberStateCode in
                guard let state = MemberStateCode(rawValue: code) else { throw RequestError.invalidParameter("recipients", .malformed) }
                return state
            }
            changed = try await alerts.send(
                id, to: recipients, noticeLanguage: try body.noticeLanguage.map(Self.language), expectedVersion: body.version,
                by: principal,
                now: now)
        case .amend:
            guard let values = body.values else { throw RequestError.invalidParameter("values", .required) }
            changed = try await alerts.amend(
                id, values: values, language: try Self.language(body.language ?? ""), expectedVersion: body.version, by: principal, now: now
            )
        case .close, .withdraw:
            changed = try await alerts.finish(id, action, expectedVersion: body.version, by: principal, now: now)
        case .route:
            let authorities = try (body.authorities ?? []).map { text -> UUID in
                guard let id = UUID(uuidString: text) else { throw RequestError.invalidParameter("authorities", .malformed) }
                return id
            }
            guard !authorities.isEmpty else { throw RequestError.invalidParameter("authorities", .required) }
            changed = try await alerts.route(id, to: Set(authorities), expectedVersion: body.version, by: principal, now: now)
        case .acknowledge:
            changed = try await alerts.acknowledge(id, expectedVersion: body.version, by: principal, now: now)
        }
        // A coordinator who routes is shown that the alert exists, never its content.
        return try Self.json(
            try await alerts.shown(changed, to: principal, purpose: .read(.api, .getAlert), now: now), request: request, context: context)
    }

    static func language(_ code: String) throws -> Language {
        guard let language = Language(rawValue: code) else { throw RequestError.invalidParameter("language", .malformed) }
        return language
    }
}
