import Foundation

/// When personal data of a formally closed procedure are blocked and deleted (IMI Regulation, Art. 14).
///
/// Data are blocked at the latest `blockAfterMonths` after formal closure (6 by default; a legal act may
/// provide a longer period, never more than 18), and deleted automatically 36 months after formal closure.
public struct RetentionRule: Sendable, Hashable, Codable {
    /// The default blocking period in months.
    public static let defaultBlockAfterMonths = 6
    /// The longest blocking period the regulation allows.
    public static let maximumBlockAfterMonths = 18
    /// Months after formal closure at which blocked data are deleted.
    public static let deleteAfterMonths = 36

    /// Months after formal closure at which personal data are blocked.
    public let blockAfterMonths: Int

    /// Creates a rule; throws when the blocking period is outside 1…18 months.
    public init(blockAfterMonths: Int = RetentionRule.defaultBlockAfterMonths) throws(RegistryError) {
        guard (1...Self.maximumBlockAfterMonths).contains(blockAfterMonths) else {
            throw .invalidRetentionPeriod(months: blockAfterMonths)
        }
        self.blockAfterMonths = blockAfterMonths
    }

    /// The instant personal data become blocked.
    public func blockingDate(formalClosure: Date) -> Date {
        Self.adding(months: blockAfterMonths, to: formalClosure)
    }

    /// The instant blocked personal data are deleted.
    public func deletionDate(formalClosure: Date) -> Date {
        Self.adding(months: Self.deleteAfterMonths, to: formalClosure)
    }

    /// The phase personal data of a procedure are in at `date`; open procedures stay active.
    public func phase(formalClosure: Date?, at date: Date) -> RetentionPhase {
        guard let formalClosure else { return .active }
        if date >= deletionDate(formalClosure: formalClosure) { return .deleted }
        if date >= blockingDate(formalClosure: formalClosure) { return .blocked }
        return .active
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let months = try container.decode(Int.self, forKey: .blockAfterMonths)
        do {
            try self.init(blockAfterMonths: months)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .blockAfterMonths, in: container, debugDescription: "\(error)")
        }
    }

    // Calendar months in UTC, clamping to the month's last day (31 Aug + 6 months = 28/29 Feb).
    private static func adding(months: Int, to date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: months, to: date)!
    }
}

/// Where personal data stand in their retention life.
public enum RetentionPhase: String, Sendable, Hashable, Codable {
    /// Accessible through the normal interface.
    case active
    /// Inaccessible through the normal interface; usable only as proof or for data subjects' rights.
    case blocked
    /// Deleted.
    case deleted
}
