import Foundation

/// A document attached to a notification (the text of the national measure, an explanatory
/// note): PDF, PNG or JPEG as ``AttachmentRule`` allows, added and removed by the sender only
/// while the notification is a draft, and read by every party once it is sent.
public struct MeasureNotificationAttachment: Sendable, Hashable, Identifiable {
    /// The attachment's identifier.
    public var id: UUID
    /// The notification it belongs to.
    public var notificationID: MeasureNotificationID
    /// The file name given by the uploader.
    public var name: String
    /// The type found in the content.
    public var mediaType: AttachmentMediaType
    /// The size in bytes.
    public var size: Int
    /// The SHA-256 of the content, hexadecimal.
    public var sha256: String
    /// Who attached it.
    public var uploadedBy: StepActor
    /// When.
    public var uploadedAt: Date

    /// Creates an attachment description.
    public init(
        id: UUID, notificationID: MeasureNotificationID, name: String, mediaType: AttachmentMediaType, size: Int, sha256: String,
        uploadedBy: StepActor, uploadedAt: Date
    ) {
        self.id = id
        self.notificationID = notificationID
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
