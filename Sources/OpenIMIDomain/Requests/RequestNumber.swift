import Foundation

/// The number a person can say on the phone: the requesting state, the year of creation and a
/// sequence of that state and year, as `DK-2026-000123`. Given once, at creation, never reused.
public struct RequestNumber: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The requesting authority's member state.
    public let memberState: MemberStateCode
    /// The year the request was created (UTC).
    public let year: Int
    /// The position among that state's requests of that year, from 1.
    public let sequence: Int

    /// The largest sequence a number can carry: nine digits, far beyond any state's year.
    public static let maximumSequence = 999_999_999

    /// A number; nil when the year or sequence is outside what the format can write.
    public init?(memberState: MemberStateCode, year: Int, sequence: Int) {
        guard (1970...9999).contains(year), (1...Self.maximumSequence).contains(sequence) else { return nil }
        self.memberState = memberState
        self.year = year
        self.sequence = sequence
    }

    /// Reads `DK-2026-000123` (letters in any case, the sequence with at least six digits); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, let state = MemberStateCode(rawValue: String(parts[0])),
            parts[1].count == 4, parts[1].allSatisfy(\.isASCIIDigit), let year = Int(parts[1]),
            (6...9).contains(parts[2].count), parts[2].allSatisfy(\.isASCIIDigit), let sequence = Int(parts[2])
        else { return nil }
        self.init(memberState: state, year: year, sequence: sequence)
    }

    /// The year of `date` in UTC, the year a number created then carries.
    public static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: date)
    }

    /// `DK-2026-000123`.
    public var description: String {
        let digits = String(sequence)
        return "\(memberState.rawValue)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    public static func < (lhs: RequestNumber, rhs: RequestNumber) -> Bool {
        (lhs.memberState, lhs.year, lhs.sequence) < (rhs.memberState, rhs.year, rhs.sequence)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = RequestNumber(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not a request number: \(text)"))
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    /// 0–9 only, not the other scripts' digits `isNumber` accepts.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
