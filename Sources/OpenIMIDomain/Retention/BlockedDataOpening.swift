import Foundation

/// Why blocked personal data may be opened (IMI Regulation, Art. 14(2)): for the rights of the
/// person concerned, or as proof of the exchange.
public enum BlockedDataPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Handling a data subject's request (access, rectification, erasure, restriction).
    case dataSubjectRights = "data-subject-rights"
    /// Proving that the exchange took place.
    case proofOfExchange = "proof-of-exchange"
}

/// A request to open blocked personal data: the purpose, the written justification and, for a
/// data subject's request, its reference. Validated on creation.
public struct BlockedDataOpening: Sendable, Hashable {
    /// The longest justification.
    public static let maximumJustification = 2000

    /// Why.
    public let purpose: BlockedDataPurpose
    /// The written justification.
    public let justification: String
    /// The reference of the data subject's request (required for that purpose).
    public let rightsRequestReference: String?

    /// Validates the opening; the justification is required, and so is the reference for a data subject's request.
    public init(purpose: BlockedDataPurpose, justification: String, rightsRequestReference: String?) throws(RequestStepError) {
        let text = justification.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .invalidOpening("justification", .required) }
        guard text.count <= Self.maximumJustification else {
            throw .invalidOpening("justification", .tooLong(maximum: Self.maximumJustification))
        }
        let reference = rightsRequestReference?.trimmingCharacters(in: .whitespacesAndNewlines)
        if purpose == .dataSubjectRights {
            guard let reference, !reference.isEmpty else { throw .invalidOpening("rightsRequestReference", .required) }
            guard reference.count <= 100 else { throw .invalidOpening("rightsRequestReference", .tooLong(maximum: 100)) }
        }
        self.purpose = purpose
        self.justification = text
        self.rightsRequestReference = purpose == .dataSubjectRights ? reference : nil
    }
}
