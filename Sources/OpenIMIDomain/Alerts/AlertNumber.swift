import Foundation

/// The number people use for an alert: `A-` and then the sending state, the year of creation and a
/// sequence of that state's alerts of that year, as `A-DK-2026-000017`. The `A-` keeps alert and
/// request numbers apart when read aloud or typed into a search. Given once, at creation.
public struct AlertNumber: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// State, year and sequence, written as a request number is.
    public let parts: RequestNumber

    /// The prefix that marks an alert number.
    public static let prefix = "A-"

    /// The number with `parts`.
    public init(_ parts: RequestNumber) {
        self.parts = parts
    }

    /// Reads `A-DK-2026-000017` (letters in any case); nil for anything else.
    public init?(_ text: String) {
        guard text.uppercased().hasPrefix(Self.prefix), let parts = RequestNumber(String(text.dropFirst(Self.prefix.count))) else {
            return nil
        }
        self.parts = parts
    }

    /// `A-DK-2026-000017`.
    public var description: String { Self.prefix + parts.description }

    public static func < (lhs: AlertNumber, rhs: AlertNumber) -> Bool { lhs.parts < rhs.parts }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = AlertNumber(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not an alert number: \(text)"))
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
