import Foundation
import OpenIMIDomain
import Testing

@Suite struct TimelinessIndicatorsTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    func days(_ count: Double) -> Date { start.addingTimeInterval(count * 86_400) }

    @Test func computesTheScoreboardIndicators() {
        let indicators = TimelinessIndicators([
            .init(sentAt: start, acceptedAt: days(2), answeredAt: days(10), deadline: days(14)),
            .init(sentAt: start, acceptedAt: days(7), answeredAt: days(20), deadline: days(14)),
            .init(sentAt: start, acceptedAt: days(8), answeredAt: nil, deadline: days(30)),
            .init(sentAt: start, acceptedAt: nil, answeredAt: nil, deadline: days(30)),
        ])
        #expect(indicators.received == 4)
        #expect(indicators.acceptedWithinSevenDays == 0.5, "7 days exactly counts; 8 does not")
        #expect(indicators.averageDaysToAnswer == 15)
        #expect(indicators.answeredByDeadline == 0.5)
        let none = TimelinessIndicators([])
        #expect(
            none.received == 0 && none.acceptedWithinSevenDays == nil && none.averageDaysToAnswer == nil && none.answeredByDeadline == nil)
    }
}
