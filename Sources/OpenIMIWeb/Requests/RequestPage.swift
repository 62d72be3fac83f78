import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of one request's page, for an involved user: parties, the person or business, the
/// questions with their answers (sensitive ones behind a warning), attachments, history, and a form
/// for each step the policy lets this user take now.
struct RequestPage {
    let id: String
    let number: String
    let version: Int
    /// What the last step did and what happens next, after a form brought the user back here.
    let done: String?
    /// What went wrong with the last thing asked that changed nothing (a translation not had).
    let problem: String?
    /// The fields to correct, after a form was refused.
    let errors: [FieldError]
    let hasErrors: Bool
    /// Whether the questions are one form of answers with a draft save and a send button.
    let canAnswer: Bool
    /// Whether the user may change the draft (who may send it).
    let canEditDraft: Bool
    /// Why deleting the draft was refused.
    let deletionError: String?
    let procedure: String
    let area: String
    let state: String
    let stateCode: String
    let deadline: String
    let deadlineStatus: String
    let deadlineLabel: String?
    let proposedDeadline: String?
    let canDecideDeadline: Bool
    let parties: [Labelled]
    let subject: [Labelled]
    let freeText: FreeTextView?
    let sections: [SectionView]
    let attachments: [AttachmentRow]
    let hasAttachments: Bool
    let canAttach: Bool
    let actions: [ActionForm]
    let allocation: AllocationForm?
    let steps: [StepRow]

    typealias Labelled = LabelledValue

    /// The steps that cannot be undone: their forms carry a confirmation box the server requires.
    static let confirmedActions: Set<RequestAction> = [.withdraw, .close, .closeByCoordinator]

    struct FreeTextView {
        let text: String
        let code: String
        let translatable: TranslatableView
    }

    struct SectionView {
        let title: String
        let questions: [QuestionView]
    }

    struct QuestionView {
        let id: String
        let text: String
        let personalData: Bool
        let sensitive: Bool
        let answer: AnswerView?
        let form: AnswerForm?
        /// Why the answer typed was refused, shown beside the question.
        let error: String?
    }

    struct AnswerView {
        let value: String
        let justification: String?
        /// The language of a text answer, for the `lang` attribute.
        let code: String?
        let translatable: TranslatableView?
    }

    struct AttachmentRow {
        let name: String
        let href: String
        let mediaType: String
        let size: String
        let sha256: String
    }

    struct StepRow {
        let at: String
        let action: String
        let user: String
        let organisation: String
        let allocatedTo: String?
        let comment: String?
        let commentCode: String?
        let translatable: TranslatableView?
    }

    struct Option {
        let id: String
        let text: String
        let selected: Bool
    }

    struct ActionForm {
        let action: String
        let label: String
        let isAccept: Bool
        let isForward: Bool
        /// Withdrawing and closing cannot be undone: the form asks the user to confirm.
        let needsConfirmation: Bool
        /// What was typed, after a refusal of this step.
        let comment: String
        let proposedDeadline: String
        /// Why this step was refused.
        let error: String?
        let forwardTargets: [Option]
    }

    struct AllocationForm {
        let handlers: [Option]
    }

    init(
        request: InformationRequest, questionSet: QuestionSet?, attachments: [RequestAttachment], principal: Principal,
        names: RequestDirectory, forwardTargets: [Authority], handlers: [UserAccount], catalog: Catalog, time: LocalTime, now: Date,
        translations: Translations = Translations(engine: nil, kept: [:]), done: String? = nil, problem: String? = nil,
        draft: AnswerDraft? = nil, step: StepDraft? = nil
    ) {
        let language = catalog.language
        let target = AccessTarget.request(request.involvement, legalArea: request.legalArea.rawValue, state: request.state)
        func allowed(_ action: AccessAction) -> Bool { AccessPolicy.decide(principal, action, on: target).isAllowed }
        id = request.id.description
        number = request.number.description
        version = request.version
        self.done = done
        self.problem = problem
        errors =
            draft?.errors
            ?? step.map { step in
                [
                    FieldError(
                        field: step.action.map { "step-\($0.rawValue)-form" } ?? "delete-draft-form",
                        label: catalog.text(step.action.map { "requestAction.\($0.rawValue)" } ?? "requests.deleteDraft"),
                        message: step.message)
                ]
            } ?? []
        deletionError = step != nil && step?.action == nil ? step?.message : nil
        hasErrors = !errors.isEmpty
        procedure = names.procedureName(request.procedure.rawValue)
        area = names.areaName(request.legalArea.rawValue)
        state = catalog.text("requestState.\(request.state.rawValue)")
        stateCode = request.state.rawValue
        deadline = DateText.day(request.deadline)
        let status = DeadlineStatus.of(state: request.state, deadline: request.deadline, at: now)
        deadlineStatus = status.rawValue
        deadlineLabel = status == .overdue || status == .dueSoon ? catalog.text("deadlineStatus.\(status.rawValue)") : nil
        proposedDeadline = request.proposedDeadline.map(DateText.day)
        canDecideDeadline = request.proposedDeadline != nil && allowed(.decideProposedDeadline)
        parties = RequestDescription.parties(of: request, names: names, handlers: handlers, catalog: catalog)
        subject = RequestDescription.subject(request.subject, catalog: catalog)
        freeText = request.freeText.map {
            FreeTextView(
                text: $0.text, code: $0.language.rawValue,
                translatable: translations.view(of: .freeText, in: $0.language, catalog: catalog))
        }
        let answerable = allowed(.answerQuestion) && request.state == .accepted
        canAnswer = answerable
        canEditDraft = request.state == .draft && allowed(.actOnRequest(.send))
        let documents = attachments.map { Option(id: $0.id.uuidString.lowercased(), text: $0.name, selected: false) }
        sections = (questionSet?.sections ?? []).compactMap { section in
            let asked = section.questions.filter { request.questions.contains($0.id) }
            guard !asked.isEmpty else { return nil }
            return SectionView(
                title: section.title.text(in: language),
                questions: asked.map { question in
                    let answer = request.answers[question.id]
                    return QuestionView(
                        id: question.id, text: question.text.text(in: language), personalData: question.personalData,
                        sensitive: question.sensitive,
                        answer: answer.map {
                            AnswerView(
                                value: RequestDescription.display($0.value, of: question, attachments: attachments, catalog: catalog),
                                justification: $0.justification, code: $0.language?.rawValue,
                                translatable: $0.language.map {
                                    translations.view(of: .answer(question: question.id), in: $0, catalog: catalog)
                                })
                        },
                        form: answerable
                            ? AnswerForm(question, current: draft?.answers[question.id] ?? answer, documents: documents, catalog: catalog)
                            : nil,
                        error: draft?.byQuestion[question.id])
                })
        }
        self.attachments = attachments.map {
            AttachmentRow(
                name: $0.name, href: Site.requestAttachment.link(request.id.description, $0.id.uuidString.lowercased()),
                mediaType: $0.mediaType.rawValue, size: ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file),
                sha256: $0.sha256)
        }
        hasAttachments = !attachments.isEmpty
        canAttach = allowed(.attachToRequest)
        let party = request.involvement.party(of: principal.organisation)
        // Answering is sent from the answer form, with the answers it saves.
        actions = (party.map { RequestWorkflow.actions(in: request.state, for: $0) } ?? []).filter {
            allowed(.actOnRequest($0)) && !(answerable && $0 == .answer)
        }.map {
            action in
            ActionForm(
                action: action.rawValue, label: catalog.text("requestAction.\(action.rawValue)"), isAccept: action == .accept,
                isForward: action == .forward,
                needsConfirmation: Self.confirmedActions.contains(action),
                comment: step?.action == action ? step?.comment ?? "" : "",
                proposedDeadline: step?.action == action ? step?.proposedDeadline ?? "" : "",
                error: step?.action == action ? step?.message : nil,
                forwardTargets: action == .forward
                    ? forwardTargets.map { Option(id: $0.id.description, text: $0.name.text(in: language), selected: false) }
                    : [])
        }
        allocation =
            allowed(.allocateRequest)
            ? AllocationForm(
                handlers: handlers.map {
                    Option(
                        id: $0.id.description, text: "\($0.fullName) (\($0.username))", selected: $0.id == request.allocatedTo)
                }) : nil
        steps = request.steps.enumerated().map { position, step in
            StepRow(
                at: time.minute(step.at), action: catalog.text(step.action.map { "requestStep.\($0.rawValue)" } ?? "requestStep.created"),
                user: names.userName(step.actor.userID.uuid), organisation: names.name(step.actor.organisationID),
                // Whom a responder allocated a request to is its own business.
                allocatedTo: step.actor.organisationID == principal.organisation.id.uuid
                    ? step.allocatedTo.map { names.userName($0.uuid) } : nil,
                comment: step.comment, commentCode: step.comment == nil ? nil : step.commentLanguage?.rawValue,
                translatable: step.comment == nil
                    ? nil : step.commentLanguage.map { translations.view(of: .comment(position: position), in: $0, catalog: catalog) })
        }
    }
}
