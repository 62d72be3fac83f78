import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Data-protection questions to the national coordinator: `/api/v1/coordinator-questions` and the
/// page `/questions`, where users ask and read answers and the coordinator's users answer.
struct CoordinatorQuestionsController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// The database, for reads no service offers.
    let database: any Database
    /// Questions to national coordinators.
    let coordinatorQuestions: CoordinatorQuestionService
    /// The HTML views.
    let views: ViewRenderer

    /// A new question.
    struct QuestionBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["subject", "text"]
        let subject: String
        let text: String
    }

    /// An answer.
    struct AnswerBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["answer"]
        let answer: String
    }

    /// A question as the API shows it.
    struct QuestionDTO: Encodable, Sendable {
        let id: String
        let memberState: String
        let subject: String
        let text: String
        let askedAt: Date
        let status: String
        let answer: String?
        let answeredAt: Date?

        init(_ question: CoordinatorQuestion) {
            id = question.id.uuidString.lowercased()
            memberState = question.memberState.rawValue
            subject = question.subject
            text = question.text
            askedAt = question.askedAt
            status = question.answer == nil ? "open" : "answered"
            answer = question.answer?.text
            answeredAt = question.answer?.at
        }
    }

    /// A list of questions.
    struct QuestionsDTO: Encodable, Sendable {
        let questions: [QuestionDTO]
    }

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.API.postCoordinatorQuestions, use: apiPostCoordinatorQuestions)
        routes.signedIn(Site.API.coordinatorQuestions, use: apiCoordinatorQuestions)
        routes.signedIn(Site.API.coordinatorQuestionsInbox, use: apiCoordinatorQuestionsInbox)
        routes.signedIn(Site.API.coordinatorQuestion, use: apiCoordinatorQuestion)
        routes.signedIn(Site.API.postCoordinatorQuestionAnswer, use: apiPostCoordinatorQuestionAnswer)
        routes.signedIn(Site.questions, use: questions)
        routes.signedIn(Site.postQuestions, use: postQuestions)
        routes.signedIn(Site.postQuestionAnswer, use: postQuestionAnswer)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let principal = session.principal
        let catalog = catalogs.catalog(for: context.language)
        var coordinator: Coordinator?
        if let state = principal.organisation.memberState {
            coordinator = try await CoordinatorRepository(sql: database.sql).national(of: state)
        }
        let inbox =
            Workspace(of: principal).answersCoordinatorQuestions ? try await coordinatorQuestions.inbox(of: principal) : nil
        let page = CoordinatorQuestionsPage(
            coordinator: coordinator, asked: try await coordinatorQuestions.asked(by: principal), inbox: inbox,
            sent: request.uri.queryParameters["sent"] != nil, language: context.language, form: form)
        return views.render("questions", title: catalog.text("questions.title"), page: page, request: request, context: context, form: form)
    }

    /// `POST /api/v1/coordinator-questions`.
    func apiPostCoordinatorQuestions(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(QuestionBody.self, context: context)
        let question = try await coordinatorQuestions.ask(subject: body.subject, text: body.text, by: session.principal, now: clock.now())
        return JSONResponse(value: QuestionDTO(question), status: .created)
    }

    /// `GET /api/v1/coordinator-questions`.
    func apiCoordinatorQuestions(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(value: QuestionsDTO(questions: try await coordinatorQuestions.asked(by: session.principal).map(QuestionDTO.init)))
    }

    /// `GET /api/v1/coordinator-questions/inbox`.
    func apiCoordinatorQuestionsInbox(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(value: QuestionsDTO(questions: try await coordinatorQuestions.inbox(of: session.principal).map(QuestionDTO.init)))
    }

    /// `GET /api/v1/coordinator-questions/{id}`.
    func apiCoordinatorQuestion(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(value: QuestionDTO(try await coordinatorQuestions.question(try context.identifier("id"), for: session.principal)))
    }

    /// `POST /api/v1/coordinator-questions/{id}/answer`.
    func apiPostCoordinatorQuestionAnswer(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(AnswerBody.self, context: context)
        let answered = try await coordinatorQuestions.answer(
            try context.identifier("id"), text: body.answer, by: session.principal, now: clock.now())
        return JSONResponse(value: QuestionDTO(answered))
    }

    /// `GET /questions`.
    func questions(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await page(request, context, session)
    }

    /// `POST /questions`.
    func postQuestions(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        do {
            _ = try await coordinatorQuestions.ask(
                subject: fields["subject"] ?? "", text: fields["text"] ?? "", by: session.principal, now: clock.now())
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "ask-question",
                    labels: ["subject": catalog.text("questions.subject"), "text": catalog.text("questions.text")], catalog: catalog,
                    languages: catalogs.languages)
            else { throw error }
            return try await page(request, context, session, form: echo).response(from: request, context: context)
        }
        return Response(status: .seeOther, headers: [.location: Site.questions.link(query: "sent=1")])
    }

    /// `POST /questions/{id}/answer`.
    func postQuestionAnswer(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try context.identifier("id")
        do {
            _ = try await coordinatorQuestions.answer(id, text: fields["answer"] ?? "", by: session.principal, now: clock.now())
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            // The box of this question: the echo's field is named after it.
            var named = fields.values
            named["answer-\(id.uuidString.lowercased())"] = fields["answer"]
            guard
                let echo = FormEcho(
                    FormFields(values: named), refusedWith: error, formID: "answer-\(id.uuidString.lowercased())",
                    labels: ["answer-\(id.uuidString.lowercased())": catalog.text("questions.answer")], catalog: catalog,
                    languages: catalogs.languages, field: { _ in "answer-\(id.uuidString.lowercased())" })
            else { throw error }
            return try await page(request, context, session, form: echo).response(from: request, context: context)
        }
        return Response(status: .seeOther, headers: [.location: Site.questions.link(query: "answered=1")])
    }
}
