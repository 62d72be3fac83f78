/// Where an authority stands in its registration.
public enum AuthorityStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Registered by a coordinator, waiting for validation.
    case pending
    /// Validated: visible in the directory and able to act.
    case validated
    /// Suspended by its coordinator: hidden from the public directory, cannot act.
    case suspended

    /// The status after `action`, or an error when the action is not allowed from this status.
    public func applying(_ action: AuthorityStatusAction) throws(DirectoryError) -> AuthorityStatus {
        switch (self, action) {
        case (.pending, .validate): return .validated
        case (.validated, .suspend), (.pending, .suspend): return .suspended
        case (.suspended, .reinstate): return .validated
        default: throw .invalidStatusTransition(from: self, action: action)
        }
    }
}

/// What a coordinator can do to an authority's status.
public enum AuthorityStatusAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Confirm a pending registration.
    case validate
    /// Suspend a pending or validated authority.
    case suspend
    /// Lift a suspension.
    case reinstate
}
