/// Where a notification stands.
public enum MeasureNotificationState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being written by the notifying organisation; private to it.
    case draft
    /// Sent to the chosen member states; the parties comment on it.
    case sent
    /// Closed by its sender: nothing more is added.
    case closed
}

/// The steps of a notification.
public enum MeasureNotificationAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The sender sends the draft to the chosen member states.
    case send
    /// A party adds a comment to the thread every party reads.
    case comment
    /// The sender closes it.
    case close
}

/// Who acts on a notification.
public enum MeasureNotificationParty: String, Sendable, Hashable, Codable, CaseIterable {
    /// The organisation that notifies.
    case sender
    /// An organisation of a member state it was sent to.
    case recipient
}
