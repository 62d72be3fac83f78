import Hummingbird
import Logging
import OpenIMIDomain
import OpenIMIPersistence

/// The composition root: builds the platform's dependencies from `config` and wires the HTTP server.
///
/// Migrations, reference data and (if configured) demo data are applied before the server accepts
/// requests, once the database's services run.
public func buildApplication(config: AppConfig, clock: any AppClock = SystemClock()) async throws -> some ApplicationProtocol {
    let platform = try await Platform.open(config: config, clock: clock)
    let router = try buildRouter(platform: platform)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: "OpenIMI"),
        services: platform.database.services + [DatabaseCloser(database: platform.database)],
        logger: platform.logger)
    app.beforeServerStarts {
        try await platform.prepare()
    }
    return app
}

/// Builds the router with every controller and the middleware stack.
public func buildRouter(platform: Platform) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let resolver = LanguageResolver(available: platform.catalogs.languages)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ErrorMiddleware(catalogs: platform.catalogs, views: platform.views, resolver: resolver))
    router.add(middleware: LanguageMiddleware(resolver: resolver))
    let database = platform.database
    HomeController(views: platform.views, catalogs: platform.catalogs).addRoutes(to: router)
    try StaticAssetsController.bundled().addRoutes(to: router)
    RegistryController(database: database, views: platform.views, catalogs: platform.catalogs).addRoutes(to: router)
    CoordinatorsController(database: database, views: platform.views, catalogs: platform.catalogs).addRoutes(to: router)
    DirectoryController(database: database, views: platform.views, catalogs: platform.catalogs).addRoutes(to: router)
    HealthController(database: database).addRoutes(to: router)
    try OpenAPIController.bundled().addRoutes(to: router)
    return router
}
