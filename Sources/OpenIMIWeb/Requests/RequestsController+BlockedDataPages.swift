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
        try blockedAccessPage(request, context)
    }

    /// The form for opening blocked data; after a refusal, with what was typed (422).
    private func blockedAccessPage(_ request: Request, _ context: AppRequestContext, form: FormEcho? = nil) throws -> HTMLPage {
        let catalog = catalogs.catalog(for: context.language)
        let page = BlockedAccessPage(id: try context.requestID().description, catalog: catalog, chosen: form?.values["purpose"])
        return views.render(
            "blocked-access", title: catalog.text("blocked.title"), page: page, request: request, context: context, form: form)
    }

    /// `POST /requests/{id}/blocked-access`.
    func postRequestBlockedAccess(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        do {
            guard let purpose = BlockedDataPurpose(rawValue: fields["purpose"] ?? "") else {
                throw RequestError.invalidParameter("purpose", .notAllowed)
            }
            let opening = try BlockedDataOpening(
                purpose: purpose, justification: fields["justification"] ?? "", rightsRequestReference: Self.text(fields["reference"]))
            let opened = try await requests.openBlocked(
                try context.requestID(), opening, by: session.principal, now: clock.now())
            return try await requestPage(opened.request, attachments: opened.attachments, request, context, session)
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = ["purpose": "blocked.purposeLabel", "reference": "blocked.reference", "justification": "blocked.justification"]
                .mapValues { catalog.text($0) }
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "blocked-access", labels: labels, catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try blockedAccessPage(request, context, form: echo)
        }
    }
}

/// The form for opening blocked personal data.
struct BlockedAccessPage {
    struct Purpose {
        let value: String
        let label: String
        let checked: Bool
    }

    let id: String
    let purposes: [Purpose]

    init(id: String, catalog: Catalog, chosen: String? = nil) {
        self.id = id
        purposes = BlockedDataPurpose.allCases.map {
            Purpose(value: $0.rawValue, label: catalog.text("blocked.purpose.\($0.rawValue)"), checked: $0.rawValue == chosen)
        }
    }
}
