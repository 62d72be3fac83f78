import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The web pages of information requests: the inbox, drafting, and one page per request with a
/// form for every step. Each form posts back and returns to the request's page.
extension RequestsController {
    /// The pages' routes.
    func addPageRoutes(to routes: Routes) {
        routes.signedIn(Site.requests, use: inbox)
        routes.signedIn(Site.newRequest, use: newRequest)
        routes.signedIn(Site.postRequests, use: postRequests)
        routes.signedIn(Site.requestDraft, use: requestDraft)
        routes.signedIn(Site.postRequestDraft, use: postRequestDraft)
        routes.signedIn(Site.postRequestDraftDeletion, use: postRequestDraftDeletion)
        routes.signedIn(Site.request, use: viewRequest)
        routes.signedIn(Site.requestAttachment, use: requestAttachment)
        routes.signedIn(Site.requestEvidence, use: requestEvidence)
        routes.signedIn(Site.requestReport, use: requestReport)
        addStepRoutes(to: routes)
        addBlockedDataRoutes(to: routes)
    }

    /// The draft form: for a new request (`?procedure=`, with the responder search of `?state=&name=`),
    /// or for the draft `editing`; with `values` typed and `errors` to correct after a refusal (422).
    func newRequestPage(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, procedure chosen: String?,
        values: DraftFormValues = DraftFormValues(), errors: [FieldError] = [], editing: RequestID? = nil, conflict: Bool = false
    ) async throws -> HTMLPage {
        let registry = RegistryRepository(sql: database.sql)
        let areas = try await registry.legalAreas()
        let area = areas.first { $0.procedures.contains { $0.code.rawValue == chosen } }
        var responders: [Authority] = []
        let authorities = AuthorityRepository(sql: database.sql)
        if let area {
            let state = try request.query("state").map { code -> MemberStateCode in
                guard let state = MemberStateCode(rawValue: code) else { throw RequestError.invalidParameter("state", .notAllowed) }
                return state
            }
            responders = try await authorities.search(
                try DirectoryQuery(
                    memberState: state, legalArea: area.code.rawValue, name: request.query("name"), perPage: DirectoryQuery.maximumPerPage)
            ).items
        }
        // The responder chosen before stays on offer, whatever the search lists.
        if let chosenResponder = UUID(uuidString: values.responderId), !responders.contains(where: { $0.id.uuid == chosenResponder }),
            let authority = try await authorities.find(chosenResponder)
        {
            responders.insert(authority, at: 0)
        }
        let catalog = catalogs.catalog(for: context.language)
        let page = NewRequestPage(
            areas: areas, principal: session.principal, chosen: chosen, questionSet: chosen.flatMap { requests.questionSets[$0] },
            memberStates: try await registry.memberStates(), searchState: request.query("state"), searchName: request.query("name"),
            responders: responders, catalog: catalog, now: clock.now(), values: values, errors: errors, editing: editing)
        return views.render(
            "new-request", title: catalog.text(editing == nil ? "newRequest.title" : "newRequest.editTitle"), page: page, request: request,
            context: context, status: conflict ? .conflict : errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The fields a refused draft form must correct: each problem's field, or the form as a whole.
    func draftErrors(_ error: any Error, language: Language) -> [FieldError]? {
        let catalog = catalogs.catalog(for: language)
        let fields = [
            "givenNames", "familyNames", "dateOfBirth", "businessName", "registrationNumber", "responder", "deadline",
            "freeTextLanguage", "procedure", "nationalities", "version",
        ]
        return FieldError.of(
            error, formID: "new-request-form",
            labels: Dictionary(uniqueKeysWithValues: fields.map { ($0, catalog.text("newRequest.field.\($0)")) }), catalog: catalog,
            languages: catalogs.languages, field: DraftFormValues.field(of:))
    }

    /// The page of request `id`, read (and logged) for the signed-in user; after a refused answer
    /// form, with the answers as typed and what to correct (status 422).
    func requestPage(
        _ id: RequestID, _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, draft: AnswerDraft? = nil,
        step: StepDraft? = nil
    ) async throws -> HTMLPage {
        let read = try await requests.read(id, by: session.principal, purpose: .read(.web, .viewRequest), now: clock.now())
        return try await requestPage(
            read,
            attachments: try await requests.attachments(
                of: id, by: session.principal, purpose: .read(.web, .viewRequest), now: clock.now()), request, context, session,
            draft: draft, step: step)
    }

    /// The page of the request `read` with its `attachments`, already read and logged for the signed-in user.
    func requestPage(
        _ read: InformationRequest, attachments: [RequestAttachment], _ request: Request, _ context: AppRequestContext,
        _ session: ActiveSession, draft: AnswerDraft? = nil, step: StepDraft? = nil
    ) async throws -> HTMLPage {
        let now = clock.now()
        let names = try await RequestDirectory.load(for: read, database: database, language: context.language)
        let handlers = try await requests.allocatableHandlers(for: session.principal, legalArea: read.legalArea.rawValue)
        let forwardTargets = try await requests.forwardTargets(of: read, for: session.principal)
        let catalog = catalogs.catalog(for: context.language)
        let page = RequestPage(
            request: read, questionSet: requests.questionSets[read.procedure.rawValue], attachments: attachments,
            principal: session.principal,
            names: names, forwardTargets: forwardTargets, handlers: handlers, catalog: catalog, time: LocalTime(for: session.principal),
            now: now,
            translations: RequestPage.Translations(
                engine: translations.provider?.engineName, kept: try await translations.translations(of: read, into: context.language)),
            done: request.query("done").flatMap { Self.doneMessages.contains($0) ? catalog.text("requestDone.\($0)") : nil },
            problem: request.query("problem").flatMap { Self.problemMessages[$0].map { catalog.text($0) } },
            draft: draft, step: step)
        return views.render(
            "request", title: "\(page.number) · \(page.procedure)", page: page, request: request, context: context,
            status: step?.isConflict == true || draft?.isConflict == true
                ? .conflict : draft == nil && step == nil ? .ok : .unprocessableContent)
    }

    /// The confirmations a request's page shows after a form (`?done=`): each step, saved answers,
    /// an allocation, an attachment, a deadline decision, a new draft.
    static let doneMessages: Set<String> =
        Set(RequestAction.allCases.map(\.rawValue)).union([
            "answers-saved", "attached", "deadline-accepted", "deadline-refused", "created", "edited", "translated",
            "translation-requested",
        ])

    /// What the page says after a translation could not be had (`?problem=`), by catalog key.
    static let problemMessages: [String: String] = [
        "translation-unavailable": "error.translationUnavailable.detail",
        "translation-not-offered": "error.translationNotOffered.detail",
    ]

    /// To the page of request `id`, after a form changed it, saying what `done` did.
    static func redirect(to id: RequestID, done: String?) -> Response {
        Response(status: .seeOther, headers: [.location: Site.request.link(id.description) + (done.map { "?done=\($0)" } ?? "")])
    }

    /// `GET /requests`: the inbox with its search form. A wrong value in the form shows the page
    /// again with what was typed, the field named, and status 422.
    func inbox(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: InboxQuery.parameters.union(["done", "deleted"]))
        let catalog = catalogs.catalog(for: context.language)
        let now = clock.now()
        // After a draft's deletion: its number, checked, in the confirmation.
        let done =
            request.query("done") == "draft-deleted"
            ? request.query("deleted").flatMap(RequestNumber.init).map {
                catalog.text("inbox.done.draft-deleted", ["number": $0.description])
            } : nil
        var query: InboxQuery?
        var errors: [FieldError] = []
        do {
            query = try InboxQuery(request, session, now: now)
        } catch RequestError.invalidParameter(let field, _) {
            errors = [
                FieldError(
                    field: "search-\(field)", label: catalog.text("inbox.search.\(field)"),
                    message: catalog.text("inbox.search.invalid.\(field)"))
            ]
        }
        let inbox = try await requests.inbox(of: session.principal, query: query ?? InboxQuery(limit: 1))
        var shown = inbox
        if query == nil { shown.requests = [] }
        let notifications = try await requests.notifications(of: session.principal, limit: 10)
        let ids = Set(shown.requests.flatMap { [$0.requesterId, $0.responderId] }.compactMap(UUID.init(uuidString:)))
        let names = try await RequestDirectory.load(ids, areas: inbox.areas, database: database, language: context.language)
        let registry = RegistryRepository(sql: database.sql)
        // With a member state chosen, its authorities in the inbox's areas, to pick one counterpart.
        var counterparts: [Authority] = []
        if let state = query?.counterpartState {
            counterparts = try await AuthorityRepository(sql: database.sql).search(
                try DirectoryQuery(memberState: state, perPage: DirectoryQuery.maximumPerPage)
            ).items.filter { !Set($0.legalAreas).isDisjoint(with: inbox.areas) }
        }
        let search = InboxSearchForm(
            request, errors: errors, areas: try await registry.legalAreas().filter { inbox.areas.contains($0.code.rawValue) },
            memberStates: try await registry.memberStates(), own: session.principal.organisation.memberState, language: context.language,
            catalog: catalog, counterparts: counterparts)
        let page = InboxPage(
            inbox: shown, query: query, search: search, errors: errors, notifications: notifications, principal: session.principal,
            names: names, catalog: catalog, time: LocalTime(for: session.principal), now: now, done: done)
        return views.render(
            "inbox", title: catalog.text("inbox.title"), page: page, request: request, context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// `GET /requests/new`.
    func newRequest(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["procedure", "state", "name"])
        return try await newRequestPage(request, context, session, procedure: request.query("procedure"))
    }

    /// `POST /requests`: a refused form comes back with what was typed and what to correct.
    func postRequests(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        let fields = try await request.form()
        do {
            let created = try await requests.createDraft(try Self.newRequest(fields), by: session.principal, now: clock.now())
            return Self.redirect(to: created.id, done: "created")
        } catch {
            guard let errors = draftErrors(error, language: context.language) else { throw error }
            return try await newRequestPage(
                request, context, session, procedure: fields["procedure"], values: DraftFormValues(fields), errors: errors
            ).response(from: request, context: context)
        }
    }

    /// `GET /requests/{id}/draft`: the draft's form, filled in, for its authority to change.
    func requestDraft(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let id = try context.requestID()
        let draft = try await requests.read(id, by: session.principal, purpose: .read(.web, .viewRequest), now: clock.now())
        guard draft.state == .draft else { return Self.redirect(to: id, done: nil) }
        return try await newRequestPage(
            request, context, session, procedure: draft.procedure.rawValue, values: DraftFormValues(draft), editing: id
        ).response(from: request, context: context)
    }

    /// `POST /requests/{id}/draft/deletion`: the draft deleted once the user confirmed it; back to
    /// the inbox, which says so.
    func postRequestDraftDeletion(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        let fields = try await request.form()
        let id = try context.requestID()
        guard fields["confirmed"] == "yes" else {
            let catalog = catalogs.catalog(for: context.language)
            let step = StepDraft(action: nil, comment: "", proposedDeadline: "", message: catalog.text("requests.confirmMissing"))
            return try await requestPage(id, request, context, session, step: step).response(from: request, context: context)
        }
        let number = try await requests.deleteDraft(
            id, expectedVersion: try Self.version(fields), by: session.principal, now: clock.now(), retention: retention)
        return Response(status: .seeOther, headers: [.location: Site.requests.link(query: "done=draft-deleted&deleted=\(number)")])
    }

    /// `POST /requests/{id}/draft`.
    func postRequestDraft(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        let fields = try await request.form()
        let id = try context.requestID()
        do {
            _ = try await requests.editDraft(
                id, try Self.newRequest(fields), expectedVersion: try Self.version(fields), by: session.principal, now: clock.now())
            return Self.redirect(to: id, done: "edited")
        } catch {
            guard let errors = draftErrors(error, language: context.language) else { throw error }
            let catalog = catalogs.catalog(for: context.language)
            let conflict = ErrorPresentation(error, catalog: catalog, availableLanguages: catalogs.languages).status == .conflict
            let draft = try await requests.read(id, by: session.principal, purpose: .read(.web, .viewRequest), now: clock.now())
            return try await newRequestPage(
                request, context, session, procedure: draft.procedure.rawValue, values: DraftFormValues(fields), errors: errors,
                editing: id, conflict: conflict
            ).response(from: request, context: context)
        }
    }

    /// `GET /requests/{id}`.
    func viewRequest(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await requestPage(try context.requestID(), request, context, session)
    }

    /// `GET /requests/{id}/attachments/{attachment}`.
    func requestAttachment(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await download(context, session, purpose: .read(.web, .getAttachment))
    }

    /// `GET /requests/{id}/evidence`.
    func requestEvidence(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try await evidence(context, session)
    }

    /// `GET /requests/{id}/report`.
    func requestReport(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await report(context, session, purpose: .read(.web, .getReport))
    }
}
