import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Notifications of national measures in the pages and the JSON API: the lists, drafting,
/// sending to chosen member states, the comment thread among the parties, closing.
struct MeasureNotificationsController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Notifications.
    let notifications: MeasureNotificationService
    /// The database, for the names of states, organisations and procedures pages show.
    let database: any Database
    /// The HTML views.
    let views: ViewRenderer

    /// The confirmations the pages show after a form (`?done=`).
    static let doneMessages: Set<String> = ["created", "send", "comment", "close", "attached", "detached"]

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.notifications, use: notificationsPage)
        routes.signedIn(Site.newNotification, use: newNotification)
        routes.signedIn(Site.postNotifications, use: postNotifications)
        routes.signedIn(Site.notification, use: notificationPage)
        routes.signedIn(Site.postNotificationSteps, use: postNotificationSteps)
        routes.signedIn(Site.API.measureNotifications, use: apiNotifications)
        routes.signedIn(Site.API.postMeasureNotifications, use: apiPostNotifications)
        routes.signedIn(Site.API.measureNotification, use: apiNotification)
        routes.signedIn(Site.API.postMeasureNotificationSteps, use: apiPostNotificationSteps)
        addAttachmentRoutes(to: routes)
    }

    /// The body of `POST /api/v1/measure-notifications`.
    struct NewBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["procedure", "title", "text", "language"]
        let procedure: String
        let title: String
        let text: String
        let language: String
    }

    /// The body of `POST /api/v1/measure-notifications/{id}/steps`.
    struct StepBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["action", "version", "recipients", "comment", "language"]
        let action: String
        let version: Int
        /// With `send`: the member states.
        let recipients: [String]?
        /// With `comment`: the text, and its language.
        let comment: String?
        let language: String?
    }

    /// `GET /api/v1/measure-notifications`.
    func apiNotifications(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try request.checkQueryParameters(allowed: [])
        return JSONResponse(value: MeasureNotificationListsDTO(try await notifications.lists(of: session.principal)))
    }

    /// `POST /api/v1/measure-notifications`.
    func apiPostNotifications(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(NewBody.self, context: context)
        let created = try await notifications.createDraft(
            NewMeasureNotification(
                procedure: body.procedure, title: body.title, text: body.text, language: try AlertsController.language(body.language)),
            by: session.principal, now: clock.now())
        return JSONResponse(value: MeasureNotificationDTO(created), status: .created)
    }

    /// `GET /api/v1/measure-notifications/{id}`.
    func apiNotification(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        JSONResponse(value: MeasureNotificationDTO(try await notifications.read(try context.notificationID(), by: session.principal)))
    }

    /// `POST /api/v1/measure-notifications/{id}/steps`.
    func apiPostNotificationSteps(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(StepBody.self, context: context)
        guard let action = MeasureNotificationAction(rawValue: body.action) else {
            throw RequestError.invalidParameter("action", .notAllowed)
        }
        let recipients = try (body.recipients ?? []).map { code -> MemberStateCode in
            guard let state = MemberStateCode(rawValue: code) else { throw RequestError.invalidParameter("recipients", .malformed) }
            return state
        }
        let changed = try await step(
            action, on: try context.notificationID(), version: body.version, recipients: Set(recipients), comment: body.comment,
            language: try body.language.map(AlertsController.language), by: session.principal)
        return JSONResponse(value: MeasureNotificationDTO(changed))
    }

    /// Takes `action`; the comment's language defaults to the user's.
    func step(
        _ action: MeasureNotificationAction, on id: MeasureNotificationID, version: Int, recipients: Set<MemberStateCode>, comment: String?,
        language: Language?, by principal: Principal
    ) async throws -> MeasureNotification {
        let now = clock.now()
        switch action {
        case .send:
            return try await notifications.send(id, to: recipients, expectedVersion: version, by: principal, now: now)
        case .comment:
            return try await notifications.comment(
                id, comment ?? "", language: language ?? principal.user.language, expectedVersion: version, by: principal, now: now)
        case .close:
            return try await notifications.close(id, expectedVersion: version, by: principal, now: now)
        }
    }
}
