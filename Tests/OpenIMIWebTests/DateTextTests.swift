import Foundation
import OpenIMIApplication
import Testing

@testable import OpenIMIWeb

/// Page dates are computed by arithmetic; Foundation's formatters are the reference they must match.
@Suite struct DateTextTests {
    @Test func daysAndMinutesMatchFoundationAcrossCenturies() {
        let dayFormatter = ISO8601DateFormatter()
        dayFormatter.formatOptions = [.withFullDate]
        let minuteFormatter = DateFormatter()
        minuteFormatter.locale = Locale(identifier: "en_US_POSIX")
        minuteFormatter.timeZone = TimeZone(identifier: "UTC")
        minuteFormatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        var generator = SystemRandomNumberGenerator()
        // 1901 to 2299, plus the edges of days and leap years.
        var instants = (0..<5_000).map { _ in Double(Int64.random(in: -2_200_000_000...10_400_000_000, using: &generator)) }
        instants += [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 1_795_000_000.999]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(DateText.day(date) == dayFormatter.string(from: date), "\(seconds)")
            #expect(DateText.minute(date) == minuteFormatter.string(from: date), "\(seconds)")
        }
    }

    @Test func endOfDayParsesOnlyRealCalendarDays() {
        #expect(DateText.endOfDay("2026-11-22") == Date(timeIntervalSince1970: 1_795_391_999))
        #expect(DateText.endOfDay("2024-02-29") != nil)
        #expect(DateText.endOfDay("2000-02-29") != nil)
        for malformed in [
            "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-11-2", "26-11-22", "2026/11/22", "", "２０２６-11-22",
            "2026-11-22T00",
        ] {
            #expect(DateText.endOfDay(malformed) == nil, "\(malformed)")
        }
        for day in ["1970-01-01", "1999-12-31", "2026-11-22", "2100-03-01"] {
            #expect(DateText.endOfDay(day).map(DateText.day) == day)
        }
    }
}
