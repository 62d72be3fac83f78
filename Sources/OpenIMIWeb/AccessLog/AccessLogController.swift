import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity

/// `GET /access-log`: the operators' page on the access log's checkpoints, witnesses and alarms.
struct AccessLogController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The overview's source.
    let supervision: AccessLogSupervision
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.accessLog, use: accessLog)
    }

    /// `GET /access-log`.
    func accessLog(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let overview = try await supervision.overview(for: session.principal)
        let catalog = catalogs.catalog(for: context.language)
        return views.render(
            "access-log", title: catalog.text("accessLog.title"), page: AccessLogPage(overview, catalog: catalog), request: request,
            context: context)
    }
}
