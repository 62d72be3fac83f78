import Hummingbird
import OpenIMIApplication

/// The public home page.
struct HomeController: Sendable {
    let views: ViewRenderer
    let catalogs: Catalogs

    func addRoutes(to routes: Routes) {
        routes.public(Site.home) { request, context in
            views.render(
                "home", title: catalogs.catalog(for: context.language).text("home.title"), page: Empty(), request: request,
                context: context)
        }
    }

    private struct Empty {}
}
