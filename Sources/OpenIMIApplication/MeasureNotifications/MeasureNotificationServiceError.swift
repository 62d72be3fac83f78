import OpenIMIDomain

/// Why a notification operation was refused.
public enum MeasureNotificationServiceError: Error, Sendable, Hashable {
    /// No such notification, or the principal may not know of it.
    case notFound
    /// The procedure is not a notification procedure.
    case notANotificationProcedure(String)
    /// The title, text, comment or recipients are not acceptable, or the step is not allowed.
    case content(MeasureNotificationError)
    /// Someone changed it since `currentVersion` was read.
    case conflict(currentVersion: Int)
}
