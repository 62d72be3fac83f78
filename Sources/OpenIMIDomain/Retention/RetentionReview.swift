import Foundation

/// Requests never formally closed are not kept silently: after `afterMonths` without a step they
/// are flagged to their authorities, who close them (starting the retention periods) or act on them.
public struct RetentionReview: Sendable, Hashable {
    /// The default period without a step before an unclosed request is flagged.
    public static let defaultAfterMonths = 18

    /// Months without a step before a request not formally closed is flagged.
    public let afterMonths: Int

    /// Creates the rule; periods outside 1…120 months are refused.
    public init(afterMonths: Int = RetentionReview.defaultAfterMonths) throws(RegistryError) {
        guard (1...120).contains(afterMonths) else { throw .invalidRetentionPeriod(months: afterMonths) }
        self.afterMonths = afterMonths
    }

    /// Whether a request last changed at `lastActivity` and formally closed at `formalClosure` (if
    /// ever) must be flagged at `date`.
    public func isDue(formalClosure: Date?, lastActivity: Date, at date: Date) -> Bool {
        guard formalClosure == nil else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return date >= calendar.date(byAdding: .month, value: afterMonths, to: lastActivity)!
    }
}
