import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Information requests, in the JSON API (draft, inbox, read (logged), steps, answers, deadline
/// decisions) and as pages (`RequestsController+Pages.swift`).
struct RequestsController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Information requests.
    let requests: RequestService
    /// The signed evidence of exchanges.
    let exchangeEvidence: ExchangeEvidenceService
    /// The signed PDF reports of exchanges.
    let exchangeReports: ExchangeReportService
    /// The database, for reads no service offers.
    let database: any Database
    /// The HTML views.
    let views: ViewRenderer
    /// The retention rules, which delete a draft's personal data as they delete any request's.
    let retention: RetentionRun
    /// Machine translations of the requests' texts, shown beside their originals.
    let translations: MachineTranslationService

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.API.postRequests, use: apiPostRequests)
        routes.signedIn(Site.API.requests, use: apiRequests)
        routes.signedIn(Site.API.request, use: apiRequest)
        routes.signedIn(Site.API.postRequestSteps, use: apiPostRequestSteps)
        routes.signedIn(Site.API.putRequestAnswer, use: apiPutRequestAnswer)
        routes.signedIn(Site.API.postRequestAllocation, use: apiPostRequestAllocation)
        routes.signedIn(Site.API.notifications, use: apiNotifications)
        addAttachmentRoutes(to: routes)
        routes.signedIn(Site.API.postRequestDeadlineDecision, use: apiPostRequestDeadlineDecision)
        routes.signedIn(Site.API.postRequestBlockedAccess, use: apiPostRequestBlockedAccess)
        addPageRoutes(to: routes)
    }

    /// `POST /api/v1/requests`.
    func apiPostRequests(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        let body = try await request.decodeStrictJSON(NewRequestBody.self, context: context)
        guard let responder = UUID(uuidString: body.responderId) else { throw RequestError.invalidParameter("responderId", .malformed) }
        let created = try await requests.createDraft(
            NewRequest(
                procedure: body.procedure, responder: responder, subject: try body.subject.subject(), questions: body.questions ?? [],
                freeText: try body.freeText.map { try $0.freeText() }, deadline: body.deadline),
            by: session.principal, now: clock.now())
        return JSONResponse(value: RequestDTO(created), status: .created)
    }

    /// `GET /api/v1/requests`.
    func apiRequests(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: InboxQuery.parameters)
        let now = clock.now()
        let inbox = try await requests.inbox(of: session.principal, query: try InboxQuery(request, session, now: now))
        return JSONResponse(
            value: InboxDTO(
                requests: inbox.requests.map { SummaryDTO($0, now: now) },
                counts: Dictionary(uniqueKeysWithValues: inbox.counts.map { ($0.key.rawValue, $0.value) })))
    }

    /// `GET /api/v1/requests/{id}`.
    func apiRequest(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        JSONResponse(
            value: RequestDTO(
                try await requests.read(
                    try context.requestID(), by: session.principal, purpose: .read(.api, .getRequest), now: clock.now())))
    }

    /// `POST /api/v1/requests/{id}/steps`.
    func apiPostRequestSteps(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(StepBody.self, context: context)
        guard let action = RequestAction(rawValue: body.action) else { throw RequestError.invalidParameter("action", .notAllowed) }
        let forwardTo = try body.forwardTo.map { text -> UUID in
            guard let id = UUID(uuidString: text) else { throw RequestError.invalidParameter("forwardTo", .malformed) }
            return id
        }
        let commentLanguage = try body.commentLanguage.map { code -> Language in
            guard let language = Language(rawValue: code) else { throw RequestError.invalidParameter("commentLanguage", .malformed) }
            return language
        }
        let changed = try await requests.act(
            try context.requestID(), action,
            details: StepDetails(
                comment: body.comment, commentLanguage: commentLanguage ?? session.principal.user.language,
                proposedDeadline: body.proposedDeadline),
            forwardTo: forwardTo,
            expectedVersion: body.version, by: session.principal, now: clock.now())
        return JSONResponse(value: RequestDTO(changed))
    }

    /// `PUT /api/v1/requests/{id}/answers/{question}`.
    func apiPutRequestAnswer(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(AnswerBody.self, context: context)
        let language = try body.language.map { code -> Language in
            guard let language = Language(rawValue: code) else { throw RequestError.unsupportedLanguage(code) }
            return language
        }
        let changed = try await requests.answer(
            try context.requestID(), question: context.parameters.get("question") ?? "",
            answer: Answer(value: body.value, justification: body.justification, language: language), expectedVersion: body.version,
            by: session.principal, now: clock.now())
        return JSONResponse(value: RequestDTO(changed))
    }

    /// `POST /api/v1/requests/{id}/allocation`.
    func apiPostRequestAllocation(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(AllocationBody.self, context: context)
        guard let handler = UUID(uuidString: body.handlerId) else { throw RequestError.invalidParameter("handlerId", .malformed) }
        let changed = try await requests.allocate(
            try context.requestID(), to: handler, expectedVersion: body.version, by: session.principal, now: clock.now())
        return JSONResponse(value: RequestDTO(changed))
    }

    /// `GET /api/v1/notifications`.
    func apiNotifications(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        JSONResponse(
            value: NotificationsDTO(notifications: try await requests.notifications(of: session.principal).map(NotificationDTO.init)))
    }

    /// `POST /api/v1/requests/{id}/deadline-decision`.
    func apiPostRequestDeadlineDecision(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(DeadlineBody.self, context: context)
        let changed = try await requests.decideProposedDeadline(
            try context.requestID(), accept: body.accept, expectedVersion: body.version, by: session.principal, now: clock.now()
        )
        return JSONResponse(value: RequestDTO(changed))
    }

    /// `POST /api/v1/requests/{id}/blocked-access`.
    func apiPostRequestBlockedAccess(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(BlockedAccessBody.self, context: context)
        return JSONResponse(
            value: RequestDTO(
                try await requests.openBlocked(
                    try context.requestID(), try body.opening(), by: session.principal, now: clock.now()
                )
                .request))
    }
}
