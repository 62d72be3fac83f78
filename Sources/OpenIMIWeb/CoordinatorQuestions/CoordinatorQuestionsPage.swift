import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// The questions page: the national coordinator asked, the form, one's own questions with their
/// answers and, for the coordinator's users, the questions sent to it.
struct CoordinatorQuestionsPage {
    struct Row {
        let id: String
        let subject: String
        let text: String
        let asked: String
        let answer: String?
        let answered: String?
        let isOpen: Bool
        /// The answer typed before a refusal, kept in this question's box.
        let typed: String
        let error: String?
    }

    let coordinatorName: String?
    let sent: Bool
    let asked: [Row]
    let hasAsked: Bool
    let inbox: [Row]?

    init(
        coordinator: Coordinator?, asked: [CoordinatorQuestion], inbox: [CoordinatorQuestion]?, sent: Bool, language: Language,
        form: FormEcho? = nil
    ) {
        func row(_ question: CoordinatorQuestion) -> Row {
            Row(
                id: question.id.uuidString.lowercased(), subject: question.subject, text: question.text,
                asked: DateText.day(question.askedAt), answer: question.answer?.text, answered: question.answer.map { DateText.day($0.at) },
                isOpen: question.answer == nil, typed: form?.values["answer-\(question.id.uuidString.lowercased())"] ?? "",
                error: form?.errors.first { $0.field == "answer-\(question.id.uuidString.lowercased())" }?.message)
        }
        coordinatorName = coordinator?.name.text(in: language)
        self.sent = sent
        self.asked = asked.map(row)
        hasAsked = !asked.isEmpty
        self.inbox = inbox.map { $0.map(row) }
    }
}
