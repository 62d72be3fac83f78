import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension MeasureNotificationsController {
    /// The documents of notifications, in the pages and the API: upload to a draft (a form with a
    /// file; in the API the raw body with `?name=`), list, download (logged), removal from a draft.
    func addAttachmentRoutes(to routes: Routes) {
        routes.signedIn(Site.postNotificationAttachments, use: postNotificationAttachments)
        routes.signedIn(Site.notificationAttachment, use: notificationAttachment)
        routes.signedIn(Site.postNotificationAttachmentRemoval, use: postNotificationAttachmentRemoval)
        routes.signedIn(Site.API.postMeasureNotificationAttachments, use: apiPostNotificationAttachments)
        routes.signedIn(Site.API.measureNotificationAttachments, use: apiNotificationAttachments)
        routes.signedIn(Site.API.measureNotificationAttachment, use: apiNotificationAttachment)
        routes.signedIn(Site.API.deleteMeasureNotificationAttachment, use: apiDeleteNotificationAttachment)
    }

    /// `POST /notifications/{id}/attachments`: a refused file is the page again, the file field named.
    func postNotificationAttachments(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let form = try request.multipartForm(context)
        let id = try context.notificationID()
        do {
            guard let file = form.files["file"] else { throw AttachmentError.empty }
            _ = try await notifications.attach(id, name: file.name, content: file.content, by: session.principal, now: clock.now())
            return Self.redirect(to: id, done: "attached")
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            guard
                let echo = FormEcho(
                    form.fields, refusedWith: error, formID: "file",
                    labels: ["file": catalog.text("requests.attachFile"), "name": catalog.text("requests.attachFile")], catalog: catalog,
                    languages: catalogs.languages, field: { $0 == "name" ? "file" : $0 })
            else { throw error }
            return try await page(id, request, context, session, form: echo).response(from: request, context: context)
        }
    }

    /// `GET /notifications/{id}/attachments/{attachment}`: the document, logged as read.
    func notificationAttachment(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await download(context, session, channel: .web)
    }

    /// `POST /notifications/{id}/attachments/{attachment}/removal`.
    func postNotificationAttachmentRemoval(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        _ = try await request.form()
        let id = try context.notificationID()
        try await notifications.detach(try context.identifier("attachment"), from: id, by: session.principal, now: clock.now())
        return Self.redirect(to: id, done: "detached")
    }

    /// `POST /api/v1/measure-notifications/{id}/attachments?name=…` with the document as the body.
    func apiPostNotificationAttachments(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let (name, content) = try await request.uploadedDocument()
        let attachment = try await notifications.attach(
            try context.notificationID(), name: name, content: content, by: session.principal, now: clock.now())
        return JSONResponse(
            value: MeasureNotificationAttachmentDTO(attachment), status: .created,
            location: Site.API.measureNotificationAttachment.link(
                attachment.notificationID.description, attachment.id.uuidString.lowercased()))
    }

    /// `GET /api/v1/measure-notifications/{id}/attachments`.
    func apiNotificationAttachments(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: [])
        return JSONResponse(
            value: MeasureNotificationAttachmentsDTO(
                attachments: try await notifications.attachments(of: try context.notificationID(), by: session.principal)
                    .map(MeasureNotificationAttachmentDTO.init)))
    }

    /// `GET /api/v1/measure-notifications/{id}/attachments/{attachment}`: the document, logged as read.
    func apiNotificationAttachment(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await download(context, session, channel: .api)
    }

    /// `DELETE /api/v1/measure-notifications/{id}/attachments/{attachment}`.
    func apiDeleteNotificationAttachment(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await notifications.detach(
            try context.identifier("attachment"), from: try context.notificationID(), by: session.principal, now: clock.now())
        return Response(status: .noContent)
    }

    private func download(_ context: AppRequestContext, _ session: ActiveSession, channel: AccessChannel) async throws -> DocumentDownload {
        let (attachment, content) = try await notifications.attachment(
            try context.identifier("attachment"), of: try context.notificationID(), by: session.principal, channel: channel,
            now: clock.now())
        return DocumentDownload(name: attachment.name, mediaType: attachment.mediaType.rawValue, content: content)
    }
}
