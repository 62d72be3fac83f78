import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

extension RequestService {
    /// Attaches a document to a request; its type is decided by its content. Logged as a write.
    public func attach(_ id: RequestID, name: String, content: Data, by principal: Principal, now: Date) async throws -> RequestAttachment {
        try evidence.requireSigning()
        let request = try await visible(id, to: principal)
        try identity.authorize(
            principal, .attachToRequest, on: .request(request.involvement, legalArea: request.legalArea.rawValue, state: request.state))
        try await requireConsentBasis(of: id, now: now)
        let type = try AttachmentRule.check(name: name, content: content)
        let organisation = try principal.actingOrganisationID()
        let attachment = RequestAttachment(
            id: UUID(), requestID: id.uuid, name: name.trimmingCharacters(in: .whitespacesAndNewlines), mediaType: type,
            size: content.count,
            sha256: ContentDigest.sha256(content), uploadedBy: StepActor(userID: principal.user.id, organisationID: organisation),
            uploadedAt: now)
        try await database.transaction { sql in
            try await AttachmentRepository(sql: sql, keys: keys).insert(attachment, content: content)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: organisation, requestID: id.uuid, operation: .write, purpose: .attach,
                fields: ["attachments/\(attachment.id.uuidString.lowercased())"], digest: attachment.sha256, at: now)
        }
        return attachment
    }

    /// The attachments of a request the principal may read (names are shown only to the involved).
    public func attachments(
        of id: RequestID, by principal: Principal, purpose: AccessPurpose, now: Date
    ) async throws -> [RequestAttachment] {
        _ = try await visible(id, to: principal)
        let attachments = try await AttachmentRepository(sql: database.sql, keys: keys).list(of: id.uuid)
        if !attachments.isEmpty {
            try await logListRead(of: id, fields: ["attachments.names"], by: principal, purpose: purpose, now: now)
        }
        return attachments
    }

    /// One attachment's description (name, type, size, digest) without its content, for an involved
    /// user; logged as a read of its name.
    public func attachmentDescription(
        _ attachmentID: UUID, of id: RequestID, by principal: Principal, purpose: AccessPurpose, now: Date
    ) async throws -> RequestAttachment {
        _ = try await visible(id, to: principal)
        guard
            let found = try await AttachmentRepository(sql: database.sql, keys: keys).list(of: id.uuid).first(where: {
                $0.id == attachmentID
            })
        else { throw InformationRequestError.notFound }
        try await logListRead(
            of: id, fields: ["attachments/\(attachmentID.uuidString.lowercased()).name"], by: principal, purpose: purpose, now: now)
        return found
    }

    /// One attachment with its content, for an involved user; logged as a read.
    public func attachment(
        _ attachmentID: UUID, of id: RequestID, by principal: Principal, purpose: AccessPurpose, now: Date
    ) async throws
        -> (RequestAttachment, Data)
    {
        _ = try await visible(id, to: principal)
        guard let found = try await AttachmentRepository(sql: database.sql, keys: keys).content(attachmentID, of: id.uuid) else {
            throw InformationRequestError.notFound
        }
        try await database.transaction { sql in
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid, operation: .read,
                purpose: purpose, fields: ["attachments/\(attachmentID.uuidString.lowercased())"], digest: found.0.sha256, at: now)
        }
        return found
    }
}
