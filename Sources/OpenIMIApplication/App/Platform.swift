import Foundation
import Logging
import OpenIMIDomain
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity

/// The dependencies of OpenIMI, built once from the configuration: database, clock, catalogs, keys
/// and the services of every use case.
///
/// `buildApplication(config:)` builds it for the server; the command line's other commands build it
/// the same way and run their task between `prepare()` and shutdown.
public struct Platform: Sendable {
    /// The configuration it was built from.
    public let config: AppConfig
    /// The application logger.
    public let logger: Logger
    /// The database.
    public let database: any Database
    /// The clock.
    public let clock: any AppClock
    /// The translation catalogs.
    public let catalogs: Catalogs
    /// The official wording of the recurring legal terms per language.
    public let glossary: Glossary
    /// Machine translation of requests' texts.
    public let translations: MachineTranslationService
    /// Alerts: one-to-many warnings about professionals and service providers.
    public let alerts: AlertService
    /// Notifications of national measures to chosen member states.
    public let notifications: MeasureNotificationService
    /// Registers of a legal area maintained by designated authorities.
    public let repositories: RepositoryService
    /// Accounts, sign-in, sessions and user administration.
    public let identity: IdentityService
    /// The scheduled jobs.
    public let jobs: JobScheduler
    /// Information requests.
    public let requests: RequestService
    /// The platform's signing key in use, with its certificate.
    public let signing: SigningIdentity
    /// The key directory.
    public let keys: SigningKeyStore
    /// Whether checkpoints can be signed; changes are refused while they cannot.
    public let evidence: EvidenceStatus
    /// Signs checkpoints of the access log.
    public let checkpointer: LogCheckpointer
    /// What each witness last answered.
    public let witnessingStatus: WitnessingStatus
    /// The faces the PDF reports are set in, or why they could not be read.
    public let reportFonts: Result<PDFDocument.Fonts, FontError>
    /// Whether ``prepare()`` has finished; background services wait for it.
    public let readiness = Readiness()
    /// Applies the retention rules.
    public var retention: RetentionRun {
        // The configuration was validated to 1…120 months, which the rule accepts.
        RetentionRun(
            database: database, keys: requests.keys, signing: keys,
            review: (try? RetentionReview(afterMonths: config.reviewUnclosedMonths))!)
    }
    /// Issues the signed evidence of exchanges.
    public var exchangeEvidence: ExchangeEvidenceService { ExchangeEvidenceService(requests: requests, checkpointer: checkpointer) }

    /// Lays out and signs printed documents.
    public var printer: DocumentPrinter {
        DocumentPrinter(fonts: reportFonts, fontDirectory: config.fontDirectory, keys: keys, logger: logger)
    }
    /// Produces the signed PDF reports of exchanges.
    public var exchangeReports: ExchangeReportService {
        ExchangeReportService(evidence: exchangeEvidence, requests: requests, printer: printer, clock: clock)
    }

    /// Questions to the national coordinators.
    public var coordinatorQuestions: CoordinatorQuestionService {
        CoordinatorQuestionService(database: database, identity: identity, keys: requests.keys)
    }
    /// The access log's anchoring and witnesses, for the operators.
    public var accessLogSupervision: AccessLogSupervision {
        AccessLogSupervision(checkpointer: checkpointer, identity: identity, witnessingStatus: witnessingStatus)
    }
    /// The authorities' registers of data subjects' rights requests.
    public var rightsRegister: RightsRegister { RightsRegister(requests: requests, alerts: alerts, retention: retention) }
    /// The signed records of processing for data protection authorities.
    public var supervisoryExport: SupervisoryExport {
        SupervisoryExport(requests: requests, alertTemplates: alerts.templates, checkpointer: checkpointer)
    }

    /// Opens the database and loads catalogs and keys; fails with a clear message if any is missing.
    public static func open(config: AppConfig, clock: any AppClock = SystemClock(), logger injected: Logger? = nil) async throws -> Platform
    {
        var logger = injected ?? Logger(label: "openimi")
        logger.logLevel = config.logLevel
        try config.createDataDirectory()
        let catalogs = try Catalogs.bundled()
        let glossary = try Glossary.bundled()
        let random = SystemSecureRandom()
        // The signing identity exists from the first start on, before anything could need signing.
        let keys = SigningKeyStore(directory: URL(fileURLWithPath: config.keyDirectory))
        let signing = try keys.loadOrCreate(subject: try SigningIdentity.subject(organisation: "OpenIMI"), now: clock.now())
        let secrets = try SecretBox.load(
            environmentValue: config.secretKey, file: URL(fileURLWithPath: config.secretKeyFile), random: random)
        let dataKeys = try DataKeyRing.load(
            environmentValue: config.masterKey, previousValue: config.previousMasterKey, file: URL(fileURLWithPath: config.masterKeyFile),
            random: random)
        let database = try await config.database.open(logger: logger)
        let identity = IdentityService(
            database: database, secrets: secrets, hasher: config.passwordHasher, passwords: try PasswordRule.bundled(), random: random,
            logger: logger, userListIntervalMonths: config.userListIntervalMonths)
        var scheduled: [any ScheduledJob] = [DormantAccountSuspension(database: database)]
        if let mail = config.mail {
            scheduled.append(
                MailDelivery(database: database, settings: mail, publicURL: config.linkBase, catalogs: catalogs, logger: logger))
        }
        let evidence = EvidenceStatus()
        let requests = RequestService(
            database: database, identity: identity, questionSets: try QuestionSetFiles.bundled(), evidence: evidence,
            keys: dataKeys)
        scheduled.append(
            RetentionJob(
                retention: RetentionRun(
                    database: database, keys: dataKeys, signing: keys, review: try RetentionReview(afterMonths: config.reviewUnclosedMonths)
                )))
        let legalAreas = try ReferenceDataFiles.bundled().legalAreas
        let alerts = AlertService(
            database: database, identity: identity, templates: try AlertTemplateFiles.bundled(), legalAreas: legalAreas,
            evidence: evidence, keys: dataKeys)
        let notifications = MeasureNotificationService(database: database, identity: identity, legalAreas: legalAreas, evidence: evidence)
        let repositories = RepositoryService(
            database: database, identity: identity, definitions: try RepositoryFiles.bundled(), evidence: evidence, keys: dataKeys)
        let translations = MachineTranslationService(
            requests: requests,
            provider: try config.translation?.provider(callbackURL: config.linkBase + MachineTranslationService.callbackPath),
            random: random, logger: logger)
        let jobs = JobScheduler(database: database, jobs: scheduled, logger: logger)
        let witnessingStatus = WitnessingStatus()
        let checkpointer = LogCheckpointer(
            database: database, keys: keys, status: evidence, origin: config.resolvedLogOrigin,
            anchor: CheckpointFile(directory: URL(fileURLWithPath: config.resolvedCheckpointDirectory)),
            witnessing: config.witnesses.isEmpty
                ? nil
                : CheckpointWitnessing(
                    database: database, endpoints: config.witnesses, status: witnessingStatus, logger: logger,
                    timeout: .seconds(config.witnessTimeoutSeconds)),
            quorum: config.witnessQuorum)
        return Platform(
            config: config, logger: logger, database: database, clock: clock, catalogs: catalogs, glossary: glossary,
            translations: translations, alerts: alerts, notifications: notifications, repositories: repositories, identity: identity,
            jobs: jobs, requests: requests,
            signing: signing, keys: keys,
            evidence: evidence,
            checkpointer: checkpointer, witnessingStatus: witnessingStatus,
            reportFonts: Result { () throws(FontError) in try PDFDocument.Fonts.dejaVu(in: config.fontDirectory) })
    }

    /// Applies pending migrations, loads the reference data and, when configured, the demo data.
    public func prepare() async throws {
        let applied: [Int]
        if let owner = config.databaseOwner, case .postgres(let address) = config.database {
            let ownerDatabase = try await owner.open(logger: logger)
            let now = clock.now()
            applied = try await ownerDatabase.closing(logger: logger) {
                let applied = try await Migrator(database: ownerDatabase).migrate(now: now)
                try await ApplicationRoleGrants(owner: ownerDatabase).grant(to: address.user, schema: address.schema)
                return applied
            }
        } else {
            applied = try await Migrator(database: database).migrate(now: clock.now())
        }
        if !applied.isEmpty { logger.info("Applied migrations", metadata: ["versions": "\(applied)"]) }
        try await ReferenceDataLoader(database: database).load(try ReferenceDataFiles.bundled(), now: clock.now())
        let sealed = try await PersonalDataSealing(database: database, keys: requests.keys).sealExisting(now: clock.now())
        if sealed > 0 { logger.notice("Sealed the personal data of requests stored before sealing", metadata: ["requests": "\(sealed)"]) }
        let protected = try await identity.protectRecoveryCodes()
        if protected > 0 { logger.notice("Recovery codes stored as plain SHA-256 were keyed", metadata: ["codes": "\(protected)"]) }
        let adopted = try await database.transaction { try await LogChain(sql: $0).queueUnchained() }
        if adopted > 0 { logger.notice("Queued access-log entries written before the chain existed", metadata: ["entries": "\(adopted)"]) }
        try await LogSequencer(database: database).integrate()
        do {
            let copied = try await checkpointer.verifyAnchor(now: clock.now())
            if copied > 0 {
                logger.notice(
                    "Checkpoint file started from the database's checkpoints",
                    metadata: ["checkpoints": "\(copied)", "file": "\(config.resolvedCheckpointDirectory)"])
            }
        } catch EvidenceError.logInconsistent(let reason) {
            // Started all the same, so that operators can look; every change is refused (503) until the cause is resolved.
            logger.critical("Access-log alarm: changes are refused: \(reason)")
        }
        if config.seedDemoData {
            let loaded = try await DemoData.bundled().load(into: self)
            if !loaded.credentials.isEmpty, let file = config.demoCredentialsFile {
                try DemoData.write(
                    loaded.credentials, requests: loaded.requests, alerts: loaded.alerts, notifications: loaded.notifications,
                    repositoryRecords: loaded.repositoryRecords, to: URL(fileURLWithPath: file))
                logger.notice("Demo users created; their sign-in details are in \(file)")
            }
        }
        readiness.markPrepared()
    }

    /// Runs `body` while the database's services run, then closes the database; for command-line tasks.
    public func run<R: Sendable>(_ body: @escaping @Sendable () async throws -> R) async throws -> R {
        try await database.closing(logger: logger, body)
    }
}

extension Platform: CustomStringConvertible {
    /// Names the database only: service lifecycles log their services, and the platform holds the
    /// secret key, the signing key and the configuration.
    public var description: String { "Platform(\(config.database))" }
}
