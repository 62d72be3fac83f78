import Foundation
import OpenIMIDomain
import Testing

@Suite struct RetentionRuleTests {
    private func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func blockingPeriodMustBeOneToEighteenMonths() throws {
        #expect(throws: RegistryError.invalidRetentionPeriod(months: 0)) { try RetentionRule(blockAfterMonths: 0) }
        #expect(throws: RegistryError.invalidRetentionPeriod(months: 19)) { try RetentionRule(blockAfterMonths: 19) }
        #expect(try RetentionRule(blockAfterMonths: 18).blockAfterMonths == 18)
        #expect(try RetentionRule().blockAfterMonths == 6)
    }

    @Test func blocksAfterTheAreaPeriodAndDeletesAfterThirtySixMonths() throws {
        let rule = try RetentionRule()
        let closure = date("2026-01-15T10:00:00Z")
        #expect(rule.blockingDate(formalClosure: closure) == date("2026-07-15T10:00:00Z"))
        #expect(rule.deletionDate(formalClosure: closure) == date("2029-01-15T10:00:00Z"))
    }

    @Test func monthEndsClampToTheShorterMonth() throws {
        let rule = try RetentionRule(blockAfterMonths: 6)
        #expect(rule.blockingDate(formalClosure: date("2025-08-31T00:00:00Z")) == date("2026-02-28T00:00:00Z"))
    }

    @Test func phaseFollowsTheDates() throws {
        let rule = try RetentionRule(blockAfterMonths: 12)
        let closure = date("2026-01-01T00:00:00Z")
        #expect(rule.phase(formalClosure: nil, at: date("2040-01-01T00:00:00Z")) == .active)
        #expect(rule.phase(formalClosure: closure, at: date("2026-12-31T23:59:59Z")) == .active)
        #expect(rule.phase(formalClosure: closure, at: date("2027-01-01T00:00:00Z")) == .blocked)
        #expect(rule.phase(formalClosure: closure, at: date("2028-12-31T23:59:59Z")) == .blocked)
        #expect(rule.phase(formalClosure: closure, at: date("2029-01-01T00:00:00Z")) == .deleted)
    }

    @Test func decodingRefusesAPeriodBeyondEighteenMonths() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RetentionRule.self, from: Data(#"{"blockAfterMonths":24}"#.utf8))
        }
    }
}
