import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension AlertsController {
    /// The confirmations the pages show after a form (`?done=`).
    static let doneMessages: Set<String> = ["created", "send", "amend", "close", "withdraw", "route", "acknowledge", "routing"]

    /// `GET /alerts`: the alerts the user's authority sent and was routed, those to route for the
    /// coordinators, the Commission's list for the operator.
    func alertsPage(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["done", "lang"])
        let lists = try await alerts.lists(of: session.principal)
        guard lists.takesPart else { throw IdentityError.forbidden(.missingRole) }
        let catalog = catalogs.catalog(for: context.language)
        let summaries = lists.sent + lists.received + lists.toRoute + lists.commission
        let names = try await RequestDirectory.load(
            [], areas: Set(summaries.map(\.legalArea.rawValue) + alerts.procedureAreas.values.map(\.rawValue)), database: database,
            language: context.language)
        let states = try await RegistryRepository(sql: database.sql).memberStates()
        var routing: [AlertsPage.RoutingArea] = []
        if lists.routes, let state = session.principal.organisation.memberState {
            let choices = try await alerts.routingChoices(in: state)
            routing = try await alerts.routingRules(of: session.principal).sorted { $0.key.rawValue < $1.key.rawValue }.map {
                area, chosen in
                AlertsPage.RoutingArea(
                    code: area.rawValue, name: names.areas.first { $0.code == area }?.name.text(in: context.language) ?? area.rawValue,
                    choices: choices.filter { $0.legalAreas.contains(area.rawValue) }.map { authority in
                        AlertPage.Choice(
                            name: "authority.\(authority.id.uuid.uuidString.lowercased())",
                            label: authority.name.text(in: context.language),
                            checked: chosen.contains(authority.id.uuid), disabled: false)
                    })
            }
        }
        let page = AlertsPage(
            lists: lists, notifications: try await alerts.notifications(of: session.principal), names: names,
            states: Dictionary(uniqueKeysWithValues: states.map { ($0.code, $0.name.text(in: context.language)) }),
            routing: routing, catalog: catalog, time: LocalTime(for: session.principal),
            done: request.query("done").flatMap { Self.doneMessages.contains($0) ? $0 : nil })
        return views.render("alerts", title: catalog.text("alerts.title"), page: page, request: request, context: context)
    }

    /// `GET /alerts/new?procedure=…`: the form of a new alert.
    func newAlert(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["procedure", "lang"])
        return try await newAlertPage(procedure: request.query("procedure") ?? "", request, context, session)
    }

    private func newAlertPage(
        procedure: String, _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        guard try await alerts.lists(of: session.principal).draftable.contains(procedure), let template = alerts.templates[procedure] else {
            throw AlertError.notAnAlertProcedure(procedure)
        }
        let catalog = catalogs.catalog(for: context.language)
        let names = try await RequestDirectory.load(
            [], areas: Set(alerts.procedureAreas[procedure].map { [$0.rawValue] } ?? []), database: database, language: context.language)
        let page = NewAlertPage(
            procedure: procedure, template: template, names: names, catalog: catalog, languages: catalogs.languages,
            language: session.principal.user.language, form: form)
        return views.render(
            "new-alert", title: catalog.text("alert.newTitle"), page: page, request: request, context: context, form: form)
    }

    /// `POST /alerts`: saves the draft and shows it; a refused form comes back as typed.
    func postAlerts(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let procedure = fields["procedure"] ?? ""
        guard let template = alerts.templates[procedure] else { throw AlertError.notAnAlertProcedure(procedure) }
        do {
            let created = try await alerts.createDraft(
                NewAlert(
                    procedure: procedure, values: AlertFieldInput.values(of: template, from: fields),
                    language: try Self.language(fields["language"] ?? "")), by: session.principal, now: clock.now())
            return Self.redirect(to: created.id, done: "created")
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "new-alert", labels: AlertFieldInput.labels(of: template, in: context.language),
                    catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try await newAlertPage(procedure: procedure, request, context, session, form: echo).response(
                from: request, context: context)
        }
    }

    /// `GET /alerts/{id}`: the alert as the user may see it (a logged read for its readers), with
    /// the steps the user may take.
    func alertPage(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["done", "lang"])
        return try await page(
            try context.alertID(), request, context, session,
            done: request.query("done").flatMap { Self.doneMessages.contains($0) ? $0 : nil })
    }

    private func page(
        _ id: AlertID, _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, done: String? = nil,
        form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let principal = session.principal
        let now = clock.now()
        let (view, actions, template) = try await alerts.page(id, by: principal, purpose: .read(.web, .viewAlert), now: now)
        let names: RequestDirectory
        switch view {
        case .full(let alert): names = try await RequestDirectory.load(for: alert, database: database, language: context.language)
        case .existence(let existence):
            names = try await RequestDirectory.load(
                Set([existence.sender]).union(existence.delivery?.delivery.routedTo ?? []), areas: [existence.legalArea.rawValue],
                database: database, language: context.language)
        }
        var routable: [Authority] = []
        if actions.contains(.route), let state = principal.organisation.memberState {
            routable = try await alerts.routingChoices(in: state)
        }
        let catalog = catalogs.catalog(for: context.language)
        let model = AlertPage(
            view: view, actions: actions, template: template,
            context: AlertPage.Context(
                principal: principal, names: names, states: try await RegistryRepository(sql: database.sql).memberStates(),
                routable: routable, catalog: catalog, language: context.language, time: LocalTime(for: principal), now: now, form: form,
                done: done, languages: catalogs.languages,
                defaultNoticeLanguage: try await RegistryRepository(sql: database.sql).defaultLanguage(
                    of: principal.organisation.memberState)))
        return views.render(
            "alert", title: "\(model.number) · \(model.procedure)", page: model, request: request, context: context, form: form)
    }

    /// `POST /alerts/{id}/steps`: one step from the page's forms; a refused form is the page again
    /// with what was typed and the field in error named.
    func postAlertSteps(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try context.alertID()
        let (principal, now) = (session.principal, clock.now())
        do {
            guard let action = fields["action"].flatMap(AlertAction.init(rawValue:)) else {
                throw RequestError.invalidParameter("action", .notAllowed)
            }
            guard let version = fields["version"].flatMap({ Int($0) }) else { throw RequestError.invalidParameter("version", .malformed) }
            if [.close, .withdraw].contains(action), fields["confirmed"] != "yes" {
                throw RequestError.invalidParameter("confirm", .required)
            }
            switch action {
            case .send:
                let recipients = fields.values.keys.filter { $0.hasPrefix("recipient.") && fields[$0] == "yes" }
                    .compactMap { MemberStateCode(rawValue: String($0.dropFirst("recipient.".count))) }
                let noticeLanguage = try fields["noticeLanguage"].flatMap { $0.isEmpty ? nil : $0 }.map(Self.language)
                _ = try await alerts.send(
                    id, to: recipients.sorted(), noticeLanguage: noticeLanguage, expectedVersion: version, by: principal, now: now)
            case .amend:
                let template = try await alerts.template(of: id, by: principal)
                _ = try await alerts.amend(
                    id, values: AlertFieldInput.values(of: template, from: fields), language: try Self.language(fields["language"] ?? ""),
                    expectedVersion: version, by: principal, now: now)
            case .close, .withdraw:
                _ = try await alerts.finish(id, action, expectedVersion: version, by: principal, now: now)
            case .route:
                let authorities = fields.values.keys.filter { $0.hasPrefix("authority.") && fields[$0] == "yes" }
                    .compactMap { UUID(uuidString: String($0.dropFirst("authority.".count))) }
                guard !authorities.isEmpty else { throw RequestError.invalidParameter("authorities", .required) }
                _ = try await alerts.route(id, to: Set(authorities), expectedVersion: version, by: principal, now: now)
            case .acknowledge:
                _ = try await alerts.acknowledge(id, expectedVersion: version, by: principal, now: now)
            }
            return Self.redirect(to: id, done: action.rawValue)
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            var labels = [
                "recipients": catalog.text("alert.send.chooseStates"), "authorities": catalog.text("alert.route.heading"),
                "confirm": catalog.text("requests.confirmFinal"),
            ]
            if let template = try? await alerts.template(of: id, by: principal) {
                labels.merge(AlertFieldInput.labels(of: template, in: context.language)) { first, _ in first }
            }
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "next-title", labels: labels, catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try await page(id, request, context, session, form: echo).response(from: request, context: context)
        }
    }

    /// To the page of alert `id`, after a form changed it, saying what `done` did.
    static func redirect(to id: AlertID, done: String) -> Response {
        Response(status: .seeOther, headers: [.location: Site.alert.link(id.description, query: "done=\(done)")])
    }
}
