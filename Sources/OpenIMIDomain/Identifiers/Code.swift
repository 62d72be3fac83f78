/// The stable code of one kind of reference-data entry (`Subject`), such as the legal area
/// "professional-qualifications" or the procedure "pq-information-request": lower-case letters,
/// digits and hyphens, starting with a letter, at most 64 characters. A code of one kind cannot
/// be passed where another is meant.
public struct Code<Subject>: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The code as written.
    public let rawValue: String

    /// The code `rawValue`, or nil when it is not written as codes are.
    public init?(rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Whether `text` is written as codes are.
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), let first = bytes.first, (0x61...0x7A).contains(first) else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the written code.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Code: ExpressibleByStringLiteral {
    /// A code written in the source; a malformed literal is a programming error.
    public init(stringLiteral value: String) {
        precondition(Self.isWellFormed(value), "malformed code literal \(value)")
        rawValue = value
    }
}

extension Code: Codable {
    /// Decodes a code; a malformed one is a data corruption error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.isWellFormed(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a code: \(text.prefix(40))")
        }
        rawValue = text
    }

    /// Encodes the code as written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The code of a legal area, e.g. "professional-qualifications".
public typealias LegalAreaCode = Code<LegalArea>
/// The code of a procedure, e.g. "pq-information-request".
public typealias ProcedureCode = Code<Procedure>
