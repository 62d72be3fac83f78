import Hummingbird
import Logging
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPDF
import OpenIMIPersistence

/// The composition root: builds the platform's dependencies from `config` and wires the HTTP server.
///
/// Migrations, reference data and (if configured) demo data are applied before the server accepts
/// requests, once the database's services run.
public func buildApplication(
    config: AppConfig, clock: any AppClock = SystemClock(), logger: Logger? = nil
) async throws
    -> some ApplicationProtocol
{
    // Metrics report to the registry from the start, migrations included.
    _ = MetricsRegistry.shared
    let platform = try await Platform.open(config: config, clock: clock, logger: logger)
    if case .failure(let error) = platform.reportFonts {
        throw ConfigurationError(problems: [
            "\(AppConfig.Key.fontDirectory.rawValue) (--font-directory): the exchange reports need DejaVu Sans "
                + "(\(PDFDocument.Fonts.regularFile) and \(PDFDocument.Fonts.boldFile)): \(error); install the fonts "
                + "(Debian/Ubuntu: fonts-dejavu-core) or name the directory that holds them"
        ])
    }
    let router = try await buildRouter(platform: platform).router
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: "OpenIMI"),
        // Shut down in reverse order: the checkpoint service signs its last checkpoint before the
        // database closes.
        services: platform.database.services + [
            DatabaseCloser(database: platform.database), LogCheckpointService(platform: platform), LogSequencingService(platform: platform),
            InboxTallyService(platform: platform), ScheduledJobsService(platform: platform),
        ],
        logger: platform.logger)
    app.beforeServerStarts {
        try await platform.prepare()
    }
    return app
}

/// Builds the router with every controller and the middleware stack; every route is recorded in
/// the returned registry as public or signed-in.
public func buildRouter(platform: Platform) async throws -> Routes {
    _ = MetricsRegistry.shared
    let metricsToken: String?
    do {
        metricsToken = try platform.config.metricsTokenFile.map(SecretFile.read)
    } catch {
        throw ConfigurationError(problems: ["\(AppConfig.Key.metricsTokenFile.rawValue): \(error)"])
    }
    if let metricsToken, metricsToken.count < 32 {
        throw ConfigurationError(problems: [
            "\(AppConfig.Key.metricsTokenFile.rawValue): the token must be at least 32 characters (e.g. openssl rand -hex 32)"
        ])
    }
    let views = try await ViewRenderer.bundled(catalogs: platform.catalogs)
    let router = Router(context: AppRequestContext.self)
    let routes = Routes(router: router, registry: RouteAccessRegistry())
    let resolver = LanguageResolver(available: platform.catalogs.languages)
    // Outermost, so that every answer is counted, errors included, under its route template.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(
        middleware: ErrorMiddleware(
            catalogs: platform.catalogs, views: views, resolver: resolver, identity: platform.identity, clock: platform.clock))
    router.add(middleware: MethodNotAllowedMiddleware(registry: routes.registry))
    router.add(middleware: LanguageMiddleware(resolver: resolver))
    router.add(middleware: ClientAddressMiddleware(trustedProxies: Set(platform.config.trustedProxies)))
    router.add(middleware: SessionMiddleware(identity: platform.identity, clock: platform.clock))
    let replayReads = ReplayReads()
    router.add(
        middleware: IdempotencyMiddleware(
            store: IdempotencyStore(database: platform.database), clock: platform.clock, reads: replayReads))
    let database = platform.database
    let catalogs = platform.catalogs
    HomeController(
        views: views, catalogs: catalogs, clock: platform.clock, database: database, requests: platform.requests,
        identity: platform.identity, coordinatorQuestions: platform.coordinatorQuestions, rightsRegister: platform.rightsRegister,
        alerts: platform.alerts, notifications: platform.notifications
    ).addRoutes(to: routes)
    try StaticAssetsController.bundled().addRoutes(to: routes)
    let references = ReferenceDocuments(database: database)
    RegistryController(database: database, views: views, catalogs: catalogs, references: references).addRoutes(to: routes)
    CoordinatorsController(database: database, views: views, catalogs: catalogs).addRoutes(to: routes)
    DirectoryController(
        database: database, views: views, catalogs: catalogs, references: references,
        answers: DirectoryAnswers(database: database, clock: platform.clock)
    ).addRoutes(to: routes)
    HealthController(database: database).addRoutes(to: routes)
    MetricsController(token: metricsToken, database: database, clock: platform.clock).addRoutes(to: routes)
    try OpenAPIController.bundled().addRoutes(to: routes)
    SignInController(catalogs: platform.catalogs, clock: platform.clock, identity: platform.identity, views: views).addRoutes(to: routes)
    ActivationController(catalogs: platform.catalogs, clock: platform.clock, identity: platform.identity, views: views).addRoutes(
        to: routes)
    AccountController(
        catalogs: platform.catalogs, clock: platform.clock, identity: platform.identity, views: views, database: platform.database
    ).addRoutes(to: routes)
    UsersController(
        catalogs: platform.catalogs, clock: platform.clock, database: platform.database, identity: platform.identity, views: views
    ).addRoutes(to: routes)
    RequestsController(
        catalogs: platform.catalogs, clock: platform.clock, requests: platform.requests, exchangeEvidence: platform.exchangeEvidence,
        exchangeReports: platform.exchangeReports, database: platform.database, views: views, retention: platform.retention,
        translations: platform.translations
    ).addRoutes(to: routes)
    TranslationsController(clock: platform.clock, translations: platform.translations).addRoutes(to: routes)
    AlertsController(
        catalogs: platform.catalogs, clock: platform.clock, alerts: platform.alerts, database: platform.database,
        printer: platform.printer, checkpointer: platform.exchangeEvidence.checkpointer, views: views
    ).addRoutes(to: routes)
    MeasureNotificationsController(
        catalogs: platform.catalogs, clock: platform.clock, notifications: platform.notifications, database: platform.database, views: views
    ).addRoutes(to: routes)
    RepositoriesController(
        catalogs: platform.catalogs, clock: platform.clock, repositories: platform.repositories, database: platform.database, views: views
    ).addRoutes(to: routes)
    IndicatorsController(database: platform.database, requests: platform.requests, catalogs: catalogs, clock: platform.clock, views: views)
        .addRoutes(to: routes)
    SubjectSearchController(
        catalogs: platform.catalogs, clock: platform.clock, database: platform.database, requests: platform.requests,
        alerts: platform.alerts, views: views
    ).addRoutes(to: routes)
    ConsentController(catalogs: platform.catalogs, clock: platform.clock, requests: platform.requests, views: views).addRoutes(to: routes)
    CoordinatorQuestionsController(
        catalogs: platform.catalogs, clock: platform.clock, database: platform.database,
        coordinatorQuestions: platform.coordinatorQuestions, views: views
    ).addRoutes(to: routes)
    RightsRegisterController(
        catalogs: platform.catalogs, clock: platform.clock, database: platform.database, requests: platform.requests,
        rightsRegister: platform.rightsRegister, printer: platform.printer, views: views
    ).addRoutes(to: routes)
    SupervisionController(catalogs: platform.catalogs, clock: platform.clock, supervisoryExport: platform.supervisoryExport, views: views)
        .addRoutes(to: routes)
    AccessLogController(catalogs: platform.catalogs, supervision: platform.accessLogSupervision, views: views).addRoutes(to: routes)
    InformationNoticeController(
        catalogs: platform.catalogs, glossary: platform.glossary,
        translationEngine: platform.translations.provider?.engineName, clock: platform.clock, database: platform.database,
        requests: platform.requests,
        printer: platform.printer, views: views
    ).addRoutes(to: routes)
    replayReads.set(router.buildResponder())
    return routes
}
