import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RequestsController {
    /// The form a local data administrator opens blocked personal data with, and its answer: the
    /// request's page, read under the stated purpose.
    func addBlockedDataRoutes(to routes: Routes) {
        routes.signedIn(Site.requestBlockedAccess, use: requestBlockedAccess)
        routes.signedIn(Site.postRequestBlockedAccess, use: postRequestBlockedAccess)
    }

    /// `GET /requests/{id}/blocked-access`.
    func requestBlockedAccess(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let catalog = catalogs.catalog(for: context.language)
        let page = BlockedAccessPage(id: try context.requestID().description, catalog: catalog)
        return views.render(
            "blocked-access", title: catalog.text("blocked.title"), page: page, request: request, context: context)
    }

    /// `POST /requests/{id}/blocked-access`.
    func postRequestBlockedAccess(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        guard let purpose = BlockedDataPurpose(rawValue: fields["purpose"] ?? "") else {
            throw RequestError.invalidParameter("purpose", .notAllowed)
        }
        let opening = try BlockedDataOpening(
            purpose: purpose, justification: fields["justification"] ?? "", rightsRequestReference: Self.text(fields["reference"]))
        let opened = try await requests.openBlocked(
            try context.requestID(), opening, by: session.principal, now: clock.now())
        return try await requestPage(opened.request, attachments: opened.attachments, request, context, session)
    }
}

/// The form for opening blocked personal data.
struct BlockedAccessPage {
    struct Purpose {
        let value: String
        let label: String
    }

    let id: String
    let purposes: [Purpose]

    init(id: String, catalog: Catalog) {
        self.id = id
        purposes = BlockedDataPurpose.allCases.map { Purpose(value: $0.rawValue, label: catalog.text("blocked.purpose.\($0.rawValue)")) }
    }
}
