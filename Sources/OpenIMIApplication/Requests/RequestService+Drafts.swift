import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension RequestService {
    /// Changes the draft `id` to what `new` describes (its procedure stays): only a draft, only by
    /// a user of the requesting authority who may send it, checked as a new draft is.
    public func editDraft(
        _ id: RequestID, _ new: NewRequest, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> InformationRequest {
        try await change(
            id, expectedVersion: expectedVersion, by: principal, action: .actOnRequest(.send), purpose: .editDraft, now: now
        ) { request in
            var changed = new
            changed.procedure = request.procedure.rawValue
            let (_, _, _, responder, questions) = try await checkedDraft(changed, by: principal)
            return try request.editingDraft(
                responder: responder.id, subject: new.subject, questions: questions, freeText: new.freeText, deadline: new.deadline)
        }
    }
}
