import Foundation

/// Why an alert step was refused, besides the workflow: who it goes to, where it is routed.
public enum AlertStepError: Error, Sendable, Hashable {
    /// The workflow does not allow the step.
    case workflow(AlertWorkflowError)
    /// The content does not fit the template.
    case content(AlertContentError)
    /// No recipient chosen, the sender's own state among them, or a state twice.
    case invalidRecipients
    /// The member state is not a recipient of the alert.
    case notARecipient(MemberStateCode)
    /// Routing names no authority.
    case noAuthority
    /// The authority acknowledging was not routed the alert.
    case notRouted
}

extension Alert {
    /// The alert sent to `recipients` (for a template that sends to all other states: every state
    /// of `allStates` but the sender's).
    public func sending(
        template: AlertTemplate, chosen: [MemberStateCode], allStates: [MemberStateCode],
        automaticRouting: [MemberStateCode: Set<UUID>] = [:], noticeLanguage: Language? = nil, by actor: StepActor, at now: Date
    ) throws(AlertStepError) -> Alert {
        let recipients: [MemberStateCode]
        switch template.recipients {
        case .allOtherStates:
            recipients = allStates.filter { $0 != senderState }
        case .chosenStatesAndCommission:
            guard Set(chosen).count == chosen.count, !chosen.contains(senderState) else { throw .invalidRecipients }
            recipients = chosen
        }
        guard !recipients.isEmpty else { throw .invalidRecipients }
        var changed = try step(.send, by: actor, at: now)
        changed.deliveries = Dictionary(uniqueKeysWithValues: recipients.map { ($0, AlertDelivery.received) })
        changed.sentAt = now
        changed.noticeLanguage = noticeLanguage
        // A recipient state whose coordinators set automatic routing for the area receives it routed.
        for state in recipients.sorted() {
            guard let authorities = automaticRouting[state], !authorities.isEmpty else { continue }
            changed = try changed.routing(in: state, to: authorities, by: actor, at: now, automatic: true)
        }
        return changed
    }

    /// The alert with a new version of its content; the earlier versions stay.
    public func amending(
        values: [String: String], language: Language, template: AlertTemplate, by actor: StepActor, at now: Date
    ) throws(AlertStepError) -> Alert {
        do { try template.check(values) } catch { throw .content(error) }
        var changed = try step(.amend, by: actor, at: now)
        changed.contents.append(AlertContent(values: Alert.trimmed(values), language: language, by: actor, at: now))
        return changed
    }

    /// The alert closed by its sender: the restriction ended or the risk is over.
    public func closing(by actor: StepActor, at now: Date) throws(AlertStepError) -> Alert {
        var changed = try step(.close, by: actor, at: now)
        changed.finishedAt = now
        return changed
    }

    /// The alert withdrawn by its sender as unfounded.
    public func withdrawing(by actor: StepActor, at now: Date) throws(AlertStepError) -> Alert {
        var changed = try step(.withdraw, by: actor, at: now)
        changed.finishedAt = now
        return changed
    }

    /// The alert routed in `memberState` to `authorities` of that state by its alert coordinator.
    public func routing(
        in memberState: MemberStateCode, to authorities: Set<UUID>, by actor: StepActor, at now: Date, automatic: Bool = false
    ) throws(AlertStepError) -> Alert {
        guard !authorities.isEmpty else { throw .noAuthority }
        var changed = try delivering(in: memberState, .route, by: .recipientCoordinator, actor: actor, at: now) { delivery in
            delivery.routedTo.formUnion(authorities)
        }
        changed.steps[changed.steps.count - 1].routedTo = authorities.sorted { $0.uuidString < $1.uuidString }
        changed.steps[changed.steps.count - 1].automatic = automatic
        return changed
    }

    /// The alert acknowledged in `memberState` by `authority`, to which it was routed.
    public func acknowledging(
        in memberState: MemberStateCode, authority: UUID, by actor: StepActor, at now: Date
    ) throws(AlertStepError) -> Alert {
        guard deliveries[memberState]?.routedTo.contains(authority) ?? false else {
            throw deliveries[memberState] == nil ? .notARecipient(memberState) : .notRouted
        }
        return try delivering(in: memberState, .acknowledge, by: .recipientAuthority, actor: actor, at: now) { delivery in
            delivery.acknowledgedBy.insert(authority)
        }
    }

    /// The alert with personal field `field` rectified to `value` in the current and every earlier
    /// version, so the inaccurate value is kept nowhere; recorded as an amendment, so every routed
    /// authority is told. Only while the alert is sent.
    public func correcting(
        _ field: String, to value: String, template: AlertTemplate, by actor: StepActor, at now: Date
    ) throws(AlertStepError) -> Alert {
        var values = content.values
        values[field] = value
        do { try template.check(values) } catch { throw .content(error) }
        var changed = try step(.amend, by: actor, at: now)
        let corrected = value.trimmingCharacters(in: .whitespacesAndNewlines)
        changed.contents = contents.map { version in
            var version = version
            version.values[field] = corrected
            return version
        }
        return changed
    }

    private func step(_ action: AlertAction, by actor: StepActor, at now: Date) throws(AlertStepError) -> Alert {
        let next: AlertState
        do { next = try AlertWorkflow.next(from: state, action) } catch { throw .workflow(error) }
        var changed = self
        changed.state = next
        changed.version += 1
        changed.steps.append(AlertStep(action: action, memberState: nil, actor: actor, at: now))
        return changed
    }

    private func delivering(
        in memberState: MemberStateCode, _ action: AlertAction, by party: AlertParty, actor: StepActor, at now: Date,
        _ change: (inout AlertDelivery) -> Void
    ) throws(AlertStepError) -> Alert {
        guard var delivery = deliveries[memberState] else { throw .notARecipient(memberState) }
        do {
            delivery.state = try AlertWorkflow.next(delivery: delivery.state, of: state, action, by: party)
        } catch {
            throw .workflow(error)
        }
        change(&delivery)
        var changed = self
        changed.deliveries[memberState] = delivery
        changed.version += 1
        changed.steps.append(AlertStep(action: action, memberState: memberState, actor: actor, at: now))
        return changed
    }
}
