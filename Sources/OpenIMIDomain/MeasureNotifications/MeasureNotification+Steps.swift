import Foundation

extension MeasureNotification {
    /// The draft sent by its sender to `states` (never its own).
    public func sending(to states: Set<MemberStateCode>, by actor: StepActor, at now: Date) throws(MeasureNotificationError) -> Self {
        guard !states.isEmpty, !states.contains(senderState) else { throw .recipients }
        var changed = try step(.send, by: .sender, actor: actor, memberState: senderState, comment: nil, at: now)
        changed.recipients = states
        return changed
    }

    /// A comment by `party`, of `memberState`, added to the thread.
    public func commenting(
        _ text: String, language: Language, by party: MeasureNotificationParty, actor: StepActor, memberState: MemberStateCode,
        at now: Date
    ) throws(MeasureNotificationError) -> Self {
        let comment = LocalizedComment(text: try Self.checked(text, "comment", maximum: Self.maximumTextLength), language: language)
        return try step(.comment, by: party, actor: actor, memberState: memberState, comment: comment, at: now)
    }

    /// Closed by its sender.
    public func closing(by actor: StepActor, at now: Date) throws(MeasureNotificationError) -> Self {
        try step(.close, by: .sender, actor: actor, memberState: senderState, comment: nil, at: now)
    }

    /// With one more document, beside the `existing` ones: only while a draft, and at most
    /// ``maximumAttachments``. What is notified is fixed when it is sent, documents included.
    public func attaching(beside existing: Int) throws(MeasureNotificationError) -> Self {
        guard state == .draft else { throw .attachmentsFixed }
        guard existing < Self.maximumAttachments else { throw .tooManyAttachments(maximum: Self.maximumAttachments) }
        var changed = self
        changed.version += 1
        return changed
    }

    /// With one document fewer: only while a draft.
    public func detaching() throws(MeasureNotificationError) -> Self {
        guard state == .draft else { throw .attachmentsFixed }
        var changed = self
        changed.version += 1
        return changed
    }

    private func step(
        _ action: MeasureNotificationAction, by party: MeasureNotificationParty, actor: StepActor, memberState: MemberStateCode,
        comment: LocalizedComment?, at now: Date
    ) throws(MeasureNotificationError) -> Self {
        var changed = self
        changed.state = try MeasureNotificationWorkflow.next(from: state, action, by: party)
        changed.version += 1
        changed.steps.append(MeasureNotificationStep(action: action, actor: actor, memberState: memberState, comment: comment, at: now))
        return changed
    }
}
