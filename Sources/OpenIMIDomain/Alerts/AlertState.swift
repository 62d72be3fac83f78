/// Where an alert stands as a whole, as its sending authority sees it.
public enum AlertState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being written by the sending authority; private to it.
    case draft
    /// Sent to the recipient member states; may be amended (earlier versions are kept).
    case sent
    /// Closed by the sender: the restriction ended or the risk is over.
    case closed
    /// Withdrawn by the sender as unfounded or sent in error.
    case withdrawn

    /// Whether the alert is finished: nothing more can happen to it.
    public var isFinal: Bool { self == .closed || self == .withdrawn }
}

/// Where an alert stands in one recipient member state.
public enum AlertDeliveryState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Arrived at the state's alert coordinators, not yet routed to any authority.
    case received
    /// Routed to one or more authorities of the state, none of which has acknowledged it yet.
    case routed
    /// At least one routed authority acknowledged it.
    case acknowledged
}

/// Who acts on an alert.
public enum AlertParty: String, Sendable, Hashable, Codable, CaseIterable {
    /// The sending authority.
    case sender
    /// An alert coordinator of a recipient member state (for the alert's legal area).
    case recipientCoordinator = "recipient-coordinator"
    /// An authority of a recipient member state the alert was routed to.
    case recipientAuthority = "recipient-authority"
}

/// The steps of the alert workflow.
public enum AlertAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The sender sends the draft to the recipient member states.
    case send
    /// The sender changes a sent alert; the earlier version is kept.
    case amend
    /// The sender closes it: the restriction ended or the risk is over.
    case close
    /// The sender withdraws it as unfounded.
    case withdraw
    /// A recipient state's alert coordinator routes it to authorities of that state.
    case route
    /// A routed authority acknowledges it.
    case acknowledge

    /// Whether the step changes the alert as a whole (the sender's steps) rather than one
    /// recipient state's delivery.
    public var isSenders: Bool { self == .send || self == .amend || self == .close || self == .withdraw }
}
