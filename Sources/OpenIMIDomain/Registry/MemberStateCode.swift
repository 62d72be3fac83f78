/// A validated two-letter member state code (ISO 3166-1 alpha-2, upper case).
public struct MemberStateCode: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The 30 EEA states: 27 EU members, then Iceland, Liechtenstein and Norway.
    public static let eea: [String] = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO",
    ]

    /// The upper-case code.
    public let rawValue: String

    /// Accepts the code of an EEA state in any letter case; nil for anything else.
    public init?(rawValue: String) {
        let upper = rawValue.uppercased()
        guard Self.eea.contains(upper) else { return nil }
        self.rawValue = upper
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = MemberStateCode(rawValue: raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not an EEA member state code: \(raw)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
