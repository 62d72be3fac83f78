import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// The signed receipt of a deletion: which request's personal data and attachments were deleted,
/// when, with the SHA-256 of what was deleted, so the deletion can be proved without the data.
public struct DeletionReceipt: Sendable {
    /// The JWS `typ` of a receipt.
    public static let type = "openimi-deletion-receipt+jws"

    /// The request as it was before deletion.
    public let request: InformationRequest
    /// Its attachments before deletion.
    public let attachments: [RequestAttachment]
    /// SHA-256 of the personal data deleted.
    public let personalDataSha256: String
    /// When they were deleted.
    public let deletedAt: Date
    /// Why.
    public var reason: DeletionReason = .retention

    /// The payload, in RFC 8785 canonical form; no personal data, only identifiers and digests.
    public var payload: CanonicalJSON {
        .object([
            "type": .string("openimi.deletion-receipt"), "version": .integer(1),
            "request": .string(request.id.description), "legalArea": .string(request.legalArea.rawValue),
            "formalClosureAt": request.formalClosureDate.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null,
            "deletedAt": .integer(Int64(deletedAt.timeIntervalSince1970)), "reason": .string(reason.rawValue),
            "personalDataSha256": .string(personalDataSha256),
            "attachments": .array(
                attachments.map { .object(["id": .string($0.id.uuidString.lowercased()), "sha256": .string($0.sha256)]) }),
        ])
    }
}
