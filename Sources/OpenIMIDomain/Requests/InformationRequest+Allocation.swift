import Foundation

extension InformationRequest {
    /// The states in which the responder's allocator may route the request to a handler.
    public static let allocatableStates: Set<RequestState> = [.sent, .forwarded, .accepted, .additionalInformationRequested]

    /// The request routed to `handler`, who must be an active request handler of the area at the
    /// current responder; the history records who allocated it to whom, and when.
    public func allocating(to handler: UserAccount, by actor: StepActor, at now: Date) throws(RequestStepError) -> InformationRequest {
        guard Self.allocatableStates.contains(state), handler.status == .active,
            handler.organisation == .authority(involvement.responder),
            handler.roles.contains(.requestHandler(legalArea: legalArea.rawValue))
        else { throw .allocationNotAllowed }
        var changed = self
        changed.allocatedTo = handler.id
        changed.version += 1
        changed.steps.append(
            RequestStep(action: .allocate, from: state, to: state, actor: actor, at: now, comment: nil, allocatedTo: handler.id))
        return changed
    }

    /// Whether `party` may add attachments now: the requester while drafting or giving more
    /// information, the responder while working on the answer.
    public static func acceptsAttachments(in state: RequestState, from party: RequestParty) -> Bool {
        switch party {
        case .requester: state == .draft || state == .additionalInformationRequested
        case .responder: state == .accepted
        case .coordinator: false
        }
    }
}
