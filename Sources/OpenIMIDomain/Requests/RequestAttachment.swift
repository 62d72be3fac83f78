import Foundation

/// A document attached to a request: PDF, PNG or JPEG, at most ``AttachmentRule/maximumSize`` bytes.
public struct RequestAttachment: Sendable, Hashable, Identifiable {
    /// The attachment's identifier.
    public var id: UUID
    /// The request it belongs to.
    public var requestID: UUID
    /// The file name given by the uploader (personal data may hide in it, so it is shown only to the involved).
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
        id: UUID, requestID: UUID, name: String, mediaType: AttachmentMediaType, size: Int, sha256: String, uploadedBy: StepActor,
        uploadedAt: Date
    ) {
        self.id = id
        self.requestID = requestID
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// The document types a request may carry.
public enum AttachmentMediaType: String, Sendable, Hashable, Codable, CaseIterable {
    case pdf = "application/pdf"
    case png = "image/png"
    case jpeg = "image/jpeg"
}

/// What may be attached: the type is decided by the content's signature, never by the name.
public enum AttachmentRule {
    /// 10 MiB.
    public static let maximumSize = 10 * 1024 * 1024

    /// The type of `content`, or the refusal.
    public static func check<Bytes: Collection>(name: String, content: Bytes) throws(AttachmentError) -> AttachmentMediaType
    where Bytes.Element == UInt8 {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains(where: { $0 == "/" || $0 == "\\" }),
            !trimmed.unicodeScalars.contains(where: isHidden)
        else { throw .invalidName }
        guard !content.isEmpty else { throw .empty }
        guard content.count <= maximumSize else { throw .tooLarge(limit: maximumSize) }
        guard let type = mediaType(of: content) else { throw .unsupportedType }
        return type
    }

    /// Whether `scalar` is invisible or moves text about: control and format characters (NUL,
    /// the right-to-left override that disguises `evil‮fdp.exe`), line and paragraph separators.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// The type whose signature `content` starts with.
    public static func mediaType<Bytes: Collection>(of content: Bytes) -> AttachmentMediaType? where Bytes.Element == UInt8 {
        let head = Array(content.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}

/// Why an attachment was refused.
public enum AttachmentError: Error, Sendable, Hashable {
    /// The file name is empty, too long or contains a path.
    case invalidName
    /// The file is empty.
    case empty
    /// The file exceeds the limit.
    case tooLarge(limit: Int)
    /// The content is not a PDF, PNG or JPEG.
    case unsupportedType
}
