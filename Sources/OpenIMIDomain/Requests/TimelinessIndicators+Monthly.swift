import Foundation

extension TimelinessIndicators {
    /// The indicators of one calendar month (UTC), over the requests sent in it.
    public struct Month: Sendable, Hashable {
        /// The year.
        public let year: Int
        /// The month, 1–12.
        public let month: Int
        /// The indicators of the requests sent that month.
        public let indicators: TimelinessIndicators
    }

    /// The indicators month by month for the `count` calendar months up to and including the month
    /// of `now`, oldest first; a month without requests has empty indicators.
    public static func monthly(_ timings: [Timing], alerts: [AlertTiming] = [], endingAt now: Date, count: Int = 12) -> [Month] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let current = calendar.dateComponents([.year, .month], from: now)
        let months = (0..<max(1, count)).reversed().map { back -> (Int, Int) in
            let index = (current.year ?? 1970) * 12 + (current.month ?? 1) - 1 - back
            return (index / 12, index % 12 + 1)
        }
        let byMonth = Dictionary(grouping: timings) { timing -> String in
            let parts = calendar.dateComponents([.year, .month], from: timing.sentAt)
            return "\(parts.year ?? 0)-\(parts.month ?? 0)"
        }
        let alertsByMonth = Dictionary(grouping: alerts) { timing -> String in
            let parts = calendar.dateComponents([.year, .month], from: timing.sentAt)
            return "\(parts.year ?? 0)-\(parts.month ?? 0)"
        }
        return months.map { year, month in
            Month(
                year: year, month: month,
                indicators: TimelinessIndicators(byMonth["\(year)-\(month)"] ?? [], alerts: alertsByMonth["\(year)-\(month)"] ?? []))
        }
    }
}
