import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RequestsController {
    /// Attachments in the API: upload as the raw body with `?name=`, list, download (logged).
    func addAttachmentRoutes(to routes: Routes) {
        routes.signedIn(Site.API.postRequestAttachments, use: apiPostRequestAttachments)
        routes.signedIn(Site.API.requestAttachments, use: apiRequestAttachments)
        routes.signedIn(Site.API.requestAttachment, use: apiRequestAttachment)
        routes.signedIn(Site.API.requestAttachmentDescription, use: apiRequestAttachmentDescription)
        routes.signedIn(Site.API.requestEvidence, use: apiRequestEvidence)
        routes.signedIn(Site.API.requestReport, use: apiRequestReport)
    }

    /// The signed evidence of the request in the path (`application/jose`), for an involved user.
    func evidence(_ context: AppRequestContext, _ session: ActiveSession) async throws -> Download {
        let id = try context.requestID()
        let jws = try await exchangeEvidence.evidence(of: id, by: session.principal, now: clock.now())
        return Download(
            contentType: "application/jose", filename: "openimi-evidence-\(id.description).jws", bytes: Array(jws.utf8))
    }

    /// The signed PDF report of the request in the path (`application/pdf`) in the reader's
    /// language, for an involved user; logged with `purpose`.
    func report(_ context: AppRequestContext, _ session: ActiveSession, purpose: AccessPurpose) async throws -> Download {
        let id = try context.requestID()
        let pdf = try await exchangeReports.report(
            of: id, by: session.principal, purpose: purpose, catalog: catalogs.catalog(for: context.language))
        return Download(contentType: "application/pdf", filename: "openimi-report-\(id.description).pdf", bytes: pdf)
    }

    /// The attachment named in the path as a download, for an involved user; logged with `purpose`.
    func download(_ context: AppRequestContext, _ session: ActiveSession, purpose: AccessPurpose) async throws -> DocumentDownload {
        guard let text = context.parameters.get("attachment"), let attachmentID = UUID(uuidString: text) else {
            throw InformationRequestError.notFound
        }
        let (attachment, content) = try await requests.attachment(
            attachmentID, of: try context.requestID(), by: session.principal, purpose: purpose, now: clock.now())
        return DocumentDownload(name: attachment.name, mediaType: attachment.mediaType.rawValue, content: content)
    }

    /// `POST /api/v1/requests/{id}/attachments`.
    func apiPostRequestAttachments(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let (name, content) = try await request.uploadedDocument()
        let attachment = try await requests.attach(
            try context.requestID(), name: name, content: content, by: session.principal, now: clock.now())
        return JSONResponse(
            value: AttachmentDTO(attachment), status: .created,
            location: Site.API.requestAttachment.link(attachment.requestID.uuidString.lowercased(), attachment.id.uuidString.lowercased()))
    }

    /// `GET /api/v1/requests/{id}/attachments/{attachment}/description`.
    func apiRequestAttachmentDescription(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(
            value: AttachmentDTO(
                try await requests.attachmentDescription(
                    try context.identifier("attachment"), of: try context.requestID(), by: session.principal,
                    purpose: .read(.api, .getAttachmentDescription), now: clock.now())))
    }

    /// `GET /api/v1/requests/{id}/attachments`.
    func apiRequestAttachments(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(
            value: AttachmentsDTO(
                attachments: try await requests.attachments(
                    of: try context.requestID(), by: session.principal, purpose: .read(.api, .listAttachments), now: clock.now()
                ).map(AttachmentDTO.init)))
    }

    /// `GET /api/v1/requests/{id}/attachments/{attachment}`.
    func apiRequestAttachment(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await download(context, session, purpose: .read(.api, .getAttachment))
    }

    /// `GET /api/v1/requests/{id}/evidence`.
    func apiRequestEvidence(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        try await evidence(context, session)
    }

    /// `GET /api/v1/requests/{id}/report`.
    func apiRequestReport(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try await report(context, session, purpose: .read(.api, .getReport))
    }
}
