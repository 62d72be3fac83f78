import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

extension MeasureNotificationService {
    /// Attaches a document to the draft: whoever may send it may attach to it. Its type is
    /// decided by its content (``AttachmentRule``); the notification's version moves on, so that a
    /// concurrent attachment or sending comes second and is refused (409), which also keeps the
    /// count within ``MeasureNotification/maximumAttachments``. Logged as a write.
    public func attach(
        _ id: MeasureNotificationID, name: String, content: Data, by principal: Principal, now: Date
    ) async throws -> MeasureNotificationAttachment {
        try evidence.requireSigning()
        let notification = try await read(id, by: principal)
        // A party learns that the documents are fixed before it is told that it may not change them.
        // The count and position are read after the version, so a document added meanwhile makes the write below a conflict.
        let existing = try await MeasureNotificationAttachmentRepository(sql: database.sql).count(of: id)
        let changed: MeasureNotification
        do {
            changed = try notification.attaching(beside: existing.count)
        } catch {
            throw MeasureNotificationServiceError.content(error)
        }
        try identity.authorize(principal, .actOnNotification(.send), on: .notification(notification.facts))
        let type = try AttachmentRule.check(name: name, content: content)
        let actor = StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID())
        let attachment = MeasureNotificationAttachment(
            id: UUID(), notificationID: id, name: name.trimmingCharacters(in: .whitespacesAndNewlines), mediaType: type,
            size: content.count, sha256: ContentDigest.sha256(content), uploadedBy: actor, uploadedAt: now)
        try await save(
            changed, before: notification, purpose: .attachToNotification, attachment: attachment.id, digest: attachment.sha256,
            by: principal, now: now
        ) {
            sql in
            try await MeasureNotificationAttachmentRepository(sql: sql).insert(
                attachment, content: content, position: existing.nextPosition)
        }
        return attachment
    }

    /// Removes a document from the draft, for whoever may send it. Logged as a write.
    public func detach(_ attachmentID: UUID, from id: MeasureNotificationID, by principal: Principal, now: Date) async throws {
        try evidence.requireSigning()
        let notification = try await read(id, by: principal)
        let changed: MeasureNotification
        do {
            changed = try notification.detaching()
        } catch {
            throw MeasureNotificationServiceError.content(error)
        }
        try identity.authorize(principal, .actOnNotification(.send), on: .notification(notification.facts))
        try await save(
            changed, before: notification, purpose: .detachFromNotification, attachment: attachmentID, digest: nil, by: principal, now: now
        ) {
            sql in
            guard try await MeasureNotificationAttachmentRepository(sql: sql).delete(attachmentID, of: id) else {
                throw MeasureNotificationServiceError.notFound
            }
        }
    }

    /// The documents of a notification the principal may read, without their content.
    public func attachments(of id: MeasureNotificationID, by principal: Principal) async throws -> [MeasureNotificationAttachment] {
        _ = try await read(id, by: principal)
        return try await MeasureNotificationAttachmentRepository(sql: database.sql).list(of: id)
    }

    /// One document with its content, for a party that may read the notification; logged as a read
    /// with the content's digest.
    public func attachment(
        _ attachmentID: UUID, of id: MeasureNotificationID, by principal: Principal, channel: AccessChannel, now: Date
    ) async throws -> (MeasureNotificationAttachment, Data) {
        _ = try await read(id, by: principal)
        guard let found = try await MeasureNotificationAttachmentRepository(sql: database.sql).content(attachmentID, of: id) else {
            throw MeasureNotificationServiceError.notFound
        }
        try await database.transaction { sql in
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid, operation: .read,
                purpose: .read(channel, .getAttachment), fields: ["attachments/\(attachmentID.uuidString.lowercased())"],
                digest: found.0.sha256, at: now)
        }
        return found
    }

    /// Writes `changed` if `before` is still current, runs `write` and logs `purpose` for the
    /// document, in one transaction.
    private func save(
        _ changed: MeasureNotification, before: MeasureNotification, purpose: AccessPurpose, attachment: UUID, digest: String?,
        by principal: Principal, now: Date, _ write: @Sendable @escaping (any SQLDatabase) async throws -> Void
    ) async throws {
        let organisation = try principal.actingOrganisationID()
        try await database.transaction { sql in
            guard
                try await MeasureNotificationRepository(sql: sql).update(
                    changed, expectedVersion: before.version, storedSteps: before.steps.count, now: now)
            else { throw MeasureNotificationServiceError.conflict(currentVersion: before.version + 1) }
            try await write(sql)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: organisation, requestID: changed.id.uuid, operation: .write,
                purpose: purpose, fields: ["attachments/\(attachment.uuidString.lowercased())"], digest: digest, at: now)
        }
    }
}
