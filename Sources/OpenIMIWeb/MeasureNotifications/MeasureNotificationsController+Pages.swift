import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension MeasureNotificationsController {
    /// `GET /notifications`: what the user may start, what its state received, what its organisation sent.
    func notificationsPage(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["done", "lang"])
        let principal = session.principal
        let lists = try await notifications.lists(of: principal)
        let procedures = notifications.procedures(for: principal).map(\.procedure)
        let summaries = lists.sent + lists.received
        let names = try await RequestDirectory.load(
            Set(summaries.map(\.sender)), areas: Set(notifications.procedureAreas.values.map(\.rawValue)), database: database,
            language: context.language)
        let catalog = catalogs.catalog(for: context.language)
        let page = MeasureNotificationsPage(
            lists: lists, notices: try await notifications.notices(of: principal), procedures: procedures, names: names, catalog: catalog,
            time: LocalTime(for: principal),
            done: request.query("done").flatMap { Self.doneMessages.contains($0) ? $0 : nil })
        return views.render("notifications", title: catalog.text("notifications.title"), page: page, request: request, context: context)
    }

    /// `GET /notifications/new?procedure=…`.
    func newNotification(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try request.checkQueryParameters(allowed: ["procedure", "lang"])
        return try await newPage(procedure: request.query("procedure") ?? "", request, context, session)
    }

    private func newPage(
        procedure: String, _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        guard let area = notifications.procedures(for: session.principal).first(where: { $0.procedure == procedure })?.area else {
            throw MeasureNotificationServiceError.notANotificationProcedure(procedure)
        }
        let catalog = catalogs.catalog(for: context.language)
        let names = try await RequestDirectory.load([], areas: [area.rawValue], database: database, language: context.language)
        let page = NewMeasureNotificationPage(
            procedure: procedure, names: names, catalog: catalog, languages: catalogs.languages, language: session.principal.user.language,
            form: form)
        return views.render(
            "new-notification", title: catalog.text("notifications.newTitle"), page: page, request: request, context: context, form: form)
    }

    /// `POST /notifications`: saves the draft and shows it; a refused form comes back as typed.
    func postNotifications(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let procedure = fields["procedure"] ?? ""
        do {
            let created = try await notifications.createDraft(
                NewMeasureNotification(
                    procedure: procedure, title: fields["title"] ?? "", text: fields["text"] ?? "",
                    language: try AlertsController.language(fields["language"] ?? "")), by: session.principal, now: clock.now())
            return Self.redirect(to: created.id, done: "created")
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = ["title": catalog.text("notifications.column.title"), "text": catalog.text("notifications.text")]
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "new-notification", labels: labels, catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try await newPage(procedure: procedure, request, context, session, form: echo).response(from: request, context: context)
        }
    }

    /// `GET /notifications/{id}`.
    func notificationPage(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try request.checkQueryParameters(allowed: ["done", "lang"])
        return try await page(
            try context.notificationID(), request, context, session,
            done: request.query("done").flatMap { Self.doneMessages.contains($0) ? $0 : nil })
    }

    func page(
        _ id: MeasureNotificationID, _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, done: String? = nil,
        form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let principal = session.principal
        let notification = try await notifications.read(id, by: principal)
        var names = try await RequestDirectory.load(
            Set([notification.sender] + notification.steps.map(\.actor.organisationID)), areas: [notification.legalArea.rawValue],
            database: database, language: context.language)
        names.users = try await UserRepository(sql: database.sql).fullNames(Set(notification.steps.map(\.actor.userID.uuid)))
        let catalog = catalogs.catalog(for: context.language)
        let model = MeasureNotificationPage(
            notification: notification, attachments: try await notifications.attachments(of: id, by: principal),
            actions: notifications.actions(on: notification, for: principal), names: names,
            states: try await RegistryRepository(sql: database.sql).memberStates(), catalog: catalog, time: LocalTime(for: principal),
            form: form, done: done)
        return views.render(
            "notification", title: "\(model.number) · \(model.title)", page: model, request: request, context: context, form: form)
    }

    /// `POST /notifications/{id}/steps`: one step from the page's forms; a refused form is the page
    /// again with what was typed and the field in error named.
    func postNotificationSteps(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try context.notificationID()
        do {
            guard let action = fields["action"].flatMap(MeasureNotificationAction.init(rawValue:)) else {
                throw RequestError.invalidParameter("action", .notAllowed)
            }
            guard let version = fields["version"].flatMap({ Int($0) }) else { throw RequestError.invalidParameter("version", .malformed) }
            if action == .close, fields["confirmed"] != "yes" { throw RequestError.invalidParameter("confirm", .required) }
            let recipients = fields.values.keys.filter { $0.hasPrefix("state.") && fields[$0] == "yes" }
                .compactMap { MemberStateCode(rawValue: String($0.dropFirst("state.".count))) }
            _ = try await step(
                action, on: id, version: version, recipients: Set(recipients), comment: fields["comment"],
                language: try fields["language"].map(AlertsController.language), by: session.principal)
            return Self.redirect(to: id, done: action.rawValue)
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = [
                "recipients": catalog.text("notifications.chooseStates"), "comment": catalog.text("notifications.comment"),
                "confirm": catalog.text("requests.confirmFinal"),
            ]
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "next-title", labels: labels, catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try await page(id, request, context, session, form: echo).response(from: request, context: context)
        }
    }

    /// To the page of notification `id`, after a form changed it, saying what `done` did.
    static func redirect(to id: MeasureNotificationID, done: String) -> Response {
        Response(status: .seeOther, headers: [.location: Site.notification.link(id.description, query: "done=\(done)")])
    }
}
