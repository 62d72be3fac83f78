import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RequestsController {
    /// The forms of a request's page: steps, answers, deadline decisions, allocation, attachments.
    func addStepRoutes(to routes: Routes) {
        routes.signedIn(Site.postRequestSteps, use: postRequestSteps)
        routes.signedIn(Site.postRequestAnswers, use: postRequestAnswers)
        routes.signedIn(Site.postRequestDeadlineDecision, use: postRequestDeadlineDecision)
        routes.signedIn(Site.postRequestAllocation, use: postRequestAllocation)
        routes.signedIn(Site.postRequestAttachments, use: postRequestAttachments)
    }

    /// The draft described by the new-request form.
    static func newRequest(_ fields: FormFields) throws -> NewRequest {
        guard let responder = fields["responderId"].flatMap(UUID.init(uuidString:)) else {
            throw RequestError.invalidParameter("responderId", .required)
        }
        let subject: DataSubject
        switch fields["subjectKind"] {
        case "business":
            subject = .business(
                Business(
                    name: text(fields["businessName"]) ?? "", registrationNumber: text(fields["registrationNumber"]) ?? "",
                    registrationState: text(fields["registrationState"])?.uppercased()))
        default:
            let identifiers = text(fields["identifier"]).map {
                [PersonalIdentifier(kind: text(fields["identifierKind"]) ?? "national-id", value: $0, issuer: nil)]
            }
            subject = .person(
                NaturalPerson(
                    givenNames: text(fields["givenNames"]) ?? "", familyNames: text(fields["familyNames"]) ?? "",
                    dateOfBirth: text(fields["dateOfBirth"]),
                    nationalities: (text(fields["nationalities"]) ?? "").split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces).uppercased()
                    }.filter { !$0.isEmpty }, identifiers: identifiers ?? []))
        }
        let freeText = try text(fields["freeText"]).map { text -> FreeText in
            guard let language = Language(rawValue: fields["freeTextLanguage"] ?? "") else {
                throw RequestError.invalidParameter("freeTextLanguage", .notAllowed)
            }
            return FreeText(text: text, language: language)
        }
        guard let deadline = try optionalDay(fields["deadline"], field: "deadline") else {
            throw RequestError.invalidParameter("deadline", .required)
        }
        return NewRequest(
            procedure: fields["procedure"] ?? "", responder: responder, subject: subject,
            questions: fields.values.keys.filter { $0.hasPrefix("question:") }.map { String($0.dropFirst(9)) }.sorted(),
            freeText: freeText, deadline: deadline)
    }

    /// A trimmed form text, nil when empty.
    static func text(_ value: String?) -> String? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A calendar day from a date input, as the end of that day; nil when empty.
    static func optionalDay(_ value: String?, field: String) throws -> Date? {
        guard let text = text(value) else { return nil }
        guard let date = DateText.endOfDay(text) else { throw RequestError.invalidParameter(field, .malformed) }
        return date
    }

    /// The version the form was rendered with.
    static func version(_ fields: FormFields) throws -> Int {
        guard let version = fields["version"].flatMap(Int.init) else { throw RequestError.invalidParameter("version", .required) }
        return version
    }

    /// `POST /requests/{id}/steps`. A refused step (a rule of the workflow, a wrong date, no
    /// confirmation, someone else's change first) shows the page again as it now stands, with what
    /// was typed in the step's form and the reason beside it (422).
    func postRequestSteps(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        let fields = try await request.form()
        guard let action = RequestAction(rawValue: fields["action"] ?? "") else {
            throw RequestError.invalidParameter("action", .notAllowed)
        }
        let id = try context.requestID()
        do {
            let forwardTo = try fields["forwardTo"].map { text -> UUID in
                guard let id = UUID(uuidString: text) else { throw RequestError.invalidParameter("forwardTo", .malformed) }
                return id
            }
            let proposed = try Self.optionalDay(fields["proposedDeadline"], field: "proposedDeadline")
            // Withdrawing and closing cannot be undone: the form's box must be ticked.
            if RequestPage.confirmedActions.contains(action), fields["confirmed"] != "yes" {
                throw RequestError.invalidParameter("confirmed", .required)
            }
            _ = try await requests.act(
                id, action,
                details: StepDetails(
                    comment: Self.text(fields["comment"]), commentLanguage: context.language, proposedDeadline: proposed),
                forwardTo: action == .forward ? forwardTo : nil, expectedVersion: try Self.version(fields), by: session.principal,
                now: clock.now())
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let presentation = ErrorPresentation(error, catalog: catalog, availableLanguages: catalogs.languages)
            guard [.badRequest, .conflict, .unprocessableContent].contains(presentation.status) else { throw error }
            let message =
                if case RequestError.invalidParameter("confirmed", _) = error {
                    catalog.text("requests.confirmMissing")
                } else if presentation.status == .conflict {
                    catalog.text("requests.changedMeanwhile")
                } else {
                    presentation.detail
                }
            let step = StepDraft(
                action: action, comment: fields["comment"] ?? "", proposedDeadline: fields["proposedDeadline"] ?? "", message: message,
                isConflict: presentation.status == .conflict)
            return try await requestPage(id, request, context, session, step: step).response(from: request, context: context)
        }
        return Self.redirect(to: id, done: action.rawValue)
    }

    /// `POST /requests/{id}/answers`: every question of the answer form, saved together as a draft
    /// (`intent=save`) or saved and sent (`intent=send`). A refusal shows the page again with the
    /// answers as typed, each refused question named beside it and in a summary, and status 422.
    func postRequestAnswers(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try context.requestID()
        let answers = Self.answers(fields, language: context.language)
        let send = fields["intent"] == "send"
        do {
            _ = try await requests.answerAll(
                id, answers: answers, send: send, expectedVersion: try Self.version(fields), by: session.principal, now: clock.now())
        } catch let refused as AnswersRefused {
            let catalog = catalogs.catalog(for: context.language)
            let presenting = ErrorContext(catalog: catalog, availableLanguages: catalogs.languages)
            var byQuestion = refused.byQuestion.mapValues { refusal in
                if case .invalidAnswer = refusal { return catalog.text("requests.invalidAnswer") }
                return refusal.presentation(in: presenting).detail
            }
            for question in refused.unanswered where byQuestion[question] == nil {
                byQuestion[question] = catalog.text("requests.unanswered")
            }
            let read = try await requests.read(id, by: session.principal, purpose: .read(.web, .viewRequest), now: clock.now())
            let texts = requests.questionSets[read.procedure.rawValue]
            let errors = read.questions.compactMap { question in
                byQuestion[question].map {
                    FieldError(
                        field: "question-\(question)", label: texts?.question(question)?.text.text(in: catalog.language) ?? question,
                        message: $0)
                }
            }
            // The request read for the questions' texts is the one the page shows: read (and logged) once.
            return try await requestPage(
                read,
                attachments: try await requests.attachments(
                    of: id, by: session.principal, purpose: .read(.web, .viewRequest), now: clock.now()), request, context, session,
                draft: AnswerDraft(answers: answers, byQuestion: byQuestion, errors: errors)
            ).response(from: request, context: context)
        } catch {
            // Anything else the user can act on (someone changed the request first, a refused step):
            // the page as it now stands, the answers as typed, the reason at the top.
            let catalog = catalogs.catalog(for: context.language)
            guard
                let errors = FieldError.of(
                    error, formID: "answers-form", labels: [:], catalog: catalog, languages: catalogs.languages)
            else { throw error }
            let conflict = ErrorPresentation(error, catalog: catalog, availableLanguages: catalogs.languages).status == .conflict
            return try await requestPage(
                id, request, context, session,
                draft: AnswerDraft(
                    answers: answers, byQuestion: [:],
                    errors: conflict
                        ? [
                            FieldError(
                                field: "answers-form", label: catalog.text("requests.questions"),
                                message: catalog.text("requests.changedMeanwhile"))
                        ]
                        : errors, isConflict: conflict)
            ).response(from: request, context: context)
        }
        return Self.redirect(to: id, done: send ? RequestAction.answer.rawValue : "answers-saved")
    }

    /// The answers typed in the answer form, by question: `value:<question>`, the options of a
    /// multiple choice as `option:<question>:<option>`, and `justification:<question>`. Empty
    /// answers are left out, so a draft save keeps what was not touched.
    static func answers(_ fields: FormFields, language: Language) -> [String: Answer] {
        var values: [String: String] = [:]
        var options: [String: [String]] = [:]
        for (name, value) in fields.values {
            if name.hasPrefix("value:") {
                values[String(name.dropFirst(6))] = value.trimmingCharacters(in: .whitespacesAndNewlines)
            } else if name.hasPrefix("option:") {
                let parts = name.dropFirst(7).split(separator: ":", maxSplits: 1)
                if parts.count == 2 { options[String(parts[0]), default: []].append(String(parts[1])) }
            }
        }
        for (question, chosen) in options { values[question] = chosen.sorted().joined(separator: ",") }
        return values.filter { !$0.value.isEmpty }.reduce(into: [:]) { answers, entry in
            answers[entry.key] = Answer(value: entry.value, justification: text(fields["justification:\(entry.key)"]), language: language)
        }
    }

    /// `POST /requests/{id}/deadline-decision`.
    func postRequestDeadlineDecision(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try context.requestID()
        let accept = fields["accept"] == "yes"
        if !accept, fields["confirmed"] != "yes" { throw RequestError.invalidParameter("confirmed", .required) }
        _ = try await requests.decideProposedDeadline(
            id, accept: accept, expectedVersion: try Self.version(fields), by: session.principal, now: clock.now())
        return Self.redirect(to: id, done: accept ? "deadline-accepted" : "deadline-refused")
    }

    /// `POST /requests/{id}/allocation`.
    func postRequestAllocation(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        guard let handler = fields["handlerId"].flatMap(UUID.init(uuidString:)) else {
            throw RequestError.invalidParameter("handlerId", .malformed)
        }
        let id = try context.requestID()
        _ = try await requests.allocate(
            id, to: handler, expectedVersion: try Self.version(fields), by: session.principal, now: clock.now())
        return Self.redirect(to: id, done: RequestAction.allocate.rawValue)
    }

    /// `POST /requests/{id}/attachments`.
    func postRequestAttachments(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let form = try request.multipartForm(context)
        guard let file = form.files["file"] else { throw AttachmentError.empty }
        let id = try context.requestID()
        _ = try await requests.attach(id, name: file.name, content: file.content, by: session.principal, now: clock.now())
        return Self.redirect(to: id, done: "attached")
    }
}
