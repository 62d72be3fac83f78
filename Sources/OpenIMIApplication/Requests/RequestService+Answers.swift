import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The answers of one form that were refused, by question: nothing of the form was saved.
public struct AnswersRefused: Error, Sendable, Hashable {
    /// Why each refused question's answer was refused.
    public let byQuestion: [String: RequestStepError]
    /// The asked questions still without an answer when the answer was to be sent.
    public let unanswered: [String]
}

extension RequestService {
    /// Saves every answer of `answers` (by question id) in one change, and with `send` sends the
    /// answer after. Each answer is checked first; if any is refused, or `send` finds asked
    /// questions still unanswered, nothing is saved and ``AnswersRefused`` names them all.
    public func answerAll(
        _ id: RequestID, answers: [String: Answer], send: Bool, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> InformationRequest {
        var saved = try await visible(id, to: principal)
        // The form posts every answer it shows: only those that changed are answered (and logged) again.
        let answers = answers.filter {
            saved.answers[$0.key]?.value != $0.value.value || saved.answers[$0.key]?.justification != $0.value.justification
        }
        let questionIDs = answers.keys.sorted()
        if !answers.isEmpty {
            saved = try await change(
                id, expectedVersion: expectedVersion, by: principal, action: .answerQuestion,
                purpose: .answer(question: questionIDs.joined(separator: ",")), now: now
            ) { request in
                let checked = try await checkedAnswers(answers, on: request, id: id, now: now)
                if send, !checked.unanswered.isEmpty { throw AnswersRefused(byQuestion: [:], unanswered: checked.unanswered) }
                return checked.request
            }
        } else if send {
            let unanswered = saved.questions.filter { saved.answers[$0] == nil }
            if !unanswered.isEmpty { throw AnswersRefused(byQuestion: [:], unanswered: unanswered) }
        }
        guard send else { return saved }
        return try await act(id, .answer, details: StepDetails(), forwardTo: nil, expectedVersion: saved.version, by: principal, now: now)
    }

    /// `request` with every answer applied, or every refusal by question.
    private func checkedAnswers(
        _ answers: [String: Answer], on request: InformationRequest, id: RequestID, now: Date
    ) async throws -> (request: InformationRequest, unanswered: [String]) {
        guard let set = questionSets[request.procedure.rawValue] else {
            throw InformationRequestError.unknownProcedure(request.procedure.rawValue)
        }
        guard let area = try await RegistryRepository(sql: database.sql).legalArea(request.legalArea.rawValue) else {
            throw InformationRequestError.unknownProcedure(request.procedure.rawValue)
        }
        let questions = try answers.keys.sorted().map { key in
            guard let question = set.question(key) else { throw InformationRequestError.unknownQuestion(key) }
            return question
        }
        let attachments =
            questions.contains { $0.answer == .document }
            ? Set(try await AttachmentRepository(sql: database.sql, keys: keys).list(of: id.uuid).map(\.id)) : []
        let consents =
            questions.contains(where: \.sensitive)
            ? try await ConsentRepository(sql: database.sql, keys: keys).records(of: id.uuid, openNames: false) : []
        var changed = request
        var refused: [String: RequestStepError] = [:]
        for question in questions {
            do {
                changed = try changed.answering(
                    question, with: answers[question.id]!, area: area, attachments: attachments, consents: consents, at: now)
            } catch {
                refused[question.id] = error
            }
        }
        let unanswered = changed.questions.filter { changed.answers[$0] == nil }
        if !refused.isEmpty { throw AnswersRefused(byQuestion: refused, unanswered: unanswered) }
        return (changed, unanswered)
    }
}
