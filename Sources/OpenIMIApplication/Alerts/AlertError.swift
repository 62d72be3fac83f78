import OpenIMIDomain

/// Why an alert operation was refused.
public enum AlertError: Error, Sendable, Equatable {
    /// No such alert, or none the principal may see.
    case notFound
    /// The procedure is not an alert procedure, or has no template.
    case notAnAlertProcedure(String)
    /// The content does not fit the template.
    case content(AlertContentError)
    /// The step is not allowed, or its recipients or authorities are wrong.
    case step(AlertStepError)
    /// Someone changed the alert first.
    case conflict(currentVersion: Int)
    /// An authority to route to is not a validated authority of the coordinator's state in the alert's area.
    case unknownAuthority(String)
    /// The alert's personal data were deleted.
    case personalDataDeleted
}
