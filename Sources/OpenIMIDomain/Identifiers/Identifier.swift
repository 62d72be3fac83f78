import Foundation

/// The identifier of one kind of thing (`Subject`): a UUID that cannot be mistaken for the id of
/// anything else. Written in lower case, as it is stored and shown.
public struct Identifier<Subject>: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The UUID.
    public let uuid: UUID

    /// Wraps `uuid`.
    public init(_ uuid: UUID) {
        self.uuid = uuid
    }

    /// The identifier written in `text`, or nil when it is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// A new random identifier.
    public static func random() -> Self { Self(UUID()) }

    /// The lower-case text form, as stored and in addresses.
    public var description: String { uuid.uuidString.lowercased() }

    /// Orders by the text form, as the databases do.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}

extension Identifier: Codable {
    /// Decodes the text form; anything else is a data corruption error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an identifier: \(text.prefix(40))")
        }
        self.uuid = uuid
    }

    /// Encodes the lower-case text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The id of a competent authority.
public typealias AuthorityID = Identifier<Authority>
/// The id of a coordinator body.
public typealias CoordinatorID = Identifier<Coordinator>
/// The id of a user account.
public typealias UserID = Identifier<UserAccount>
/// The id of an information request.
public typealias RequestID = Identifier<InformationRequest>
