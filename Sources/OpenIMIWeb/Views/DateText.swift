import Foundation

/// Dates as pages show them: ISO 8601, in UTC, the same in every language.
enum DateText {
    /// "2026-11-22".
    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// "2026-11-22 14:05 UTC".
    static func minute(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// The calendar day "yyyy-MM-dd" as the end of that day in UTC, or nil when malformed.
    static func endOfDay(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text).map { $0.addingTimeInterval(86_399) }
    }
}
