import Foundation
import OpenIMIDomain

/// A correction another authority made to a request the principal's authority takes part in.
public struct CorrectionNotice: Sendable, Hashable {
    /// The correction.
    public let id: UUID
    /// The request corrected.
    public let requestID: UUID
    /// The field.
    public let field: CorrectableField
    /// SHA-256 of the value before.
    public let oldValueDigest: String
    /// When it was corrected.
    public let correctedAt: Date
    /// When the principal's authority applied it to its own records, if it did.
    public let appliedAt: Date?

    /// Creates a notice from its parts.
    public init(id: UUID, requestID: UUID, field: CorrectableField, oldValueDigest: String, correctedAt: Date, appliedAt: Date?) {
        self.id = id
        self.requestID = requestID
        self.field = field
        self.oldValueDigest = oldValueDigest
        self.correctedAt = correctedAt
        self.appliedAt = appliedAt
    }
}
