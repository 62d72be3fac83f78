import Foundation
import OpenIMIDomain

/// Times as a reader sees them: in their time zone, with the offset written out so a time read
/// aloud or printed is never ambiguous ("2026-11-22 15:05 UTC+01:00").
public struct LocalTime: Sendable {
    /// The reader's time zone.
    public let timeZone: TimeZone

    /// Times in the zone `identifier` (IANA), or in UTC when the system does not know it.
    public init(identifier: String) {
        timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
    }

    /// Times in UTC.
    public static let utc = LocalTime(identifier: "UTC")

    /// Whether the system knows the zone `identifier`, for checking a user's choice.
    public static func isKnown(_ identifier: String) -> Bool {
        identifier.utf8.count <= 64 && TimeZone(identifier: identifier) != nil
    }

    /// "2026-11-22 15:05 UTC+01:00".
    public func minute(_ date: Date) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let shifted = DateText.minute(date.addingTimeInterval(TimeInterval(offset)))
        return String(shifted.dropLast(4)) + " " + Self.offsetText(offset)
    }

    /// The calendar day of `date` in this zone, "2026-11-22".
    public func day(_ date: Date) -> String {
        DateText.day(date.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: date))))
    }

    /// "UTC", "UTC+01:00", "UTC-03:30".
    static func offsetText(_ seconds: Int) -> String {
        guard seconds != 0 else { return "UTC" }
        let minutes = abs(seconds) / 60
        let hours = String(minutes / 60), rest = String(minutes % 60)
        return "UTC\(seconds < 0 ? "-" : "+")\(hours.count < 2 ? "0" : "")\(hours):\(rest.count < 2 ? "0" : "")\(rest)"
    }
}

extension LocalTime {
    /// The zone `principal` chose, or that of their member state.
    public init(for principal: Principal) {
        self.init(identifier: principal.user.timeZone ?? principal.organisation.memberState?.timeZoneIdentifier ?? "UTC")
    }
}
