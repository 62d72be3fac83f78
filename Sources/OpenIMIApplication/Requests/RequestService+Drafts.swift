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

extension RequestService {
    /// Deletes the draft `id` of the principal's authority, by a user who may send it: blocked at
    /// once (so it can no longer be sent), then its personal data erased as a retention deletion is,
    /// with a signed receipt; both logged under the user. The number is not given again.
    /// Returns the number the draft had, for the confirmation.
    @discardableResult
    public func deleteDraft(
        _ id: RequestID, expectedVersion: Int, by principal: Principal, now: Date, retention: RetentionRun
    ) async throws -> RequestNumber {
        let request = try await visible(id, to: principal)
        try identity.authorize(
            principal, .actOnRequest(.send), on: .request(request.involvement, legalArea: request.legalArea.rawValue, state: request.state))
        guard request.state == .draft else { throw RequestStepError.notADraft }
        // The receipt is signed after the block: without a key, nothing starts.
        try evidence.requireSigning()
        _ = try retention.signing.current()
        let actor = StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID())
        let blocked = try await database.transaction { sql in
            guard try await RetentionRepository(sql: sql).blockDraft(id.description, version: expectedVersion, at: now) else {
                return false
            }
            try await AccessLog(sql: sql).record(
                userID: actor.userID.uuid, organisationID: actor.organisationID, requestID: id.uuid, operation: .block,
                purpose: .block(.draftDeleted), fields: Self.personalFields, at: now)
            return true
        }
        guard blocked else { throw InformationRequestError.conflict(currentVersion: request.version) }
        _ = try await retention.delete(id.description, at: now, reason: .draftDeleted, actor: actor)
        return request.number
    }
}
