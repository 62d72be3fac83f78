import Foundation

extension Alert {
    /// The alert as the authorities of recipient state `memberState` see it: the content and the
    /// sender's steps, but of the deliveries only their own state's, and of the recipients' steps
    /// only those in their state — which authorities of other states were routed it, and who there
    /// read or acknowledged it, is not theirs to know. With no state, no delivery and no recipient step.
    public func seen(from memberState: MemberStateCode?) -> Alert {
        var seen = self
        seen.deliveries = memberState.flatMap { state in deliveries[state].map { [state: $0] } } ?? [:]
        seen.steps = steps.filter { $0.memberState == nil || $0.memberState == memberState }
        return seen
    }

    /// The organisations whose part in the alert the authorities of `memberState` may know: the
    /// sender, and the authorities and coordinators that routed or acknowledged it in that state.
    public func parties(seenFrom memberState: MemberStateCode?) -> Set<UUID> {
        let seen = seen(from: memberState)
        return Set([sender]).union(seen.steps.map(\.actor.organisationID)).union(seen.deliveries.values.flatMap(\.routedTo))
    }
}
