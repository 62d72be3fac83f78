import Foundation

extension InformationRequest {
    /// The draft with its responder, person or business, questions, free text and deadline
    /// replaced; refused once the request was sent.
    public func editingDraft(
        responder: AuthorityID, subject: DataSubject, questions: [String], freeText: FreeText?, deadline: Date
    ) throws(RequestStepError) -> InformationRequest {
        guard state == .draft else { throw .notADraft }
        var changed = self
        changed.involvement = Involvement(requester: involvement.requester, responder: responder)
        changed.subject = subject
        changed.questions = questions
        changed.freeText = freeText
        changed.deadline = deadline
        changed.version += 1
        return changed
    }
}
