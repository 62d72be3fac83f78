import Foundation
import OpenIMIDomain

/// A document of a notification in the API, without its content.
struct MeasureNotificationAttachmentDTO: Codable, Sendable {
    let id: String
    let notificationId: String
    let name: String
    let mediaType: String
    let size: Int
    let sha256: String
    let uploadedAt: Date
    let organisationId: String

    init(_ attachment: MeasureNotificationAttachment) {
        id = attachment.id.uuidString.lowercased()
        notificationId = attachment.notificationID.description
        name = attachment.name
        mediaType = attachment.mediaType.rawValue
        size = attachment.size
        sha256 = attachment.sha256
        uploadedAt = attachment.uploadedAt
        organisationId = attachment.uploadedBy.organisationID.uuidString.lowercased()
    }
}

/// The documents of a notification.
struct MeasureNotificationAttachmentsDTO: Codable, Sendable {
    let attachments: [MeasureNotificationAttachmentDTO]
}
