import Hummingbird
import OpenIMIApplication

/// The public home page.
struct HomeController: Sendable {
    let views: ViewRenderer
    let catalogs: Catalogs

    func addRoutes(to routes: Routes) {
        routes.public(Site.home, use: home)
    }

    private struct Empty {}

    /// `GET /`.
    func home(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        views.render(
            "home", title: catalogs.catalog(for: context.language).text("home.title"), page: Empty(), request: request,
            context: context)
    }
}
