import Hummingbird

/// The public home page.
struct HomeController: Sendable {
    let views: ViewRenderer
    let catalogs: Catalogs

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/") { request, context in
            views.render(
                "home", title: catalogs.catalog(for: context.language).text("home.title"), page: Empty(), request: request,
                language: context.language)
        }
    }

    private struct Empty {}
}
