import Foundation
import Logging
import OpenIMIDomain
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity

/// Everything the server needs to start, read from flags, then the environment, then defaults.
public struct AppConfig: Sendable {
    /// Where the state of a server on the embedded default is kept when no file is named: the
    /// database, the secret and master keys, the signing keys and the demo credentials. Created
    /// owner-only on first start; the repository's `.gitignore` covers the default.
    public static let defaultDataDirectory = "openimi-data"

    /// The directory whose files are the defaults of the settings below.
    public var dataDirectory: String
    /// Address to listen on.
    public var hostname: String
    /// Port to listen on.
    public var port: Int
    /// Where the database is, reached as the application's role.
    public var database: DatabaseLocation
    /// On PostgreSQL, the same database reached as the role that owns the schema: it runs the
    /// migrations and grants the application's role what it may do (never changing or removing log
    /// rows). Without it, the application's role owns the schema itself.
    public var databaseOwner: DatabaseLocation?
    /// Least severe level that is logged.
    public var logLevel: Logger.Level
    /// Whether to load the demo coordinators and authorities at start.
    public var seedDemoData: Bool
    /// File holding the base64 key that seals secrets at rest; created with owner-only permissions if missing.
    public var secretKeyFile: String
    /// The base64 key itself, when given in the environment (takes precedence over the file).
    public var secretKey: String?
    /// File holding the base64 master key that wraps every request's data key; created owner-only if missing.
    public var masterKeyFile: String
    /// The master key itself, when given in the environment (takes precedence over the file).
    public var masterKey: String?
    /// The master key being replaced, while data keys are re-wrapped (`openimi keys rewrap`).
    public var previousMasterKey: String?
    /// The directory of the platform's signing keys and certificates (created owner-only on first start).
    public var keyDirectory: String
    /// The directory holding DejaVu Sans (DejaVuSans.ttf and DejaVuSans-Bold.ttf) for the PDF reports.
    public var fontDirectory: String
    /// Months without a step before a request never formally closed is flagged to its authorities.
    public var reviewUnclosedMonths: Int = RetentionReview.defaultAfterMonths
    /// Months between confirmations of each organisation's user list.
    public var userListIntervalMonths: Int
    /// Where demo loading writes the demo users' sign-in details (owner-only); nil writes nothing.
    public var demoCredentialsFile: String?
    /// The SMTP relay for notification e-mails; nil keeps them in the outbox.
    public var mail: MailSettings?
    /// The machine-translation service, if any.
    public var translation: TranslationSettings?
    /// The file holding the bearer token `/metrics` asks for; without it `/metrics` is not served.
    public var metricsTokenFile: String?
    /// The addresses of reverse proxies whose `X-Forwarded-For` names the client (sign-in throttling);
    /// empty by default, when the socket's peer is the client.
    public var trustedProxies: [String] = []
    /// The address users reach the web interface at, for links in e-mails; by default the listening address.
    public var publicURL: String?
    /// The directory of the checkpoint file, outside the database; by default `checkpoints` beside the key directory.
    public var checkpointDirectory: String?
    /// The access log's name in its checkpoints (c2sp.org/tlog-checkpoint origin); by default the
    /// public address's host followed by `/openimi-access-log`.
    public var logOrigin: String?
    /// The witnesses checkpoints are submitted to.
    public var witnesses: [WitnessEndpoint] = []
    /// How many witnesses must cosign a checkpoint for it to count (0: none need to).
    public var witnessQuorum: Int = 0
    /// How long, in seconds, a witness may take to answer before it is left for the next round.
    public var witnessTimeoutSeconds: Int = 3
    /// Hashes passwords. Never read from flags or the environment: a server always uses bcrypt at
    /// cost 12 or more; test suites set `PasswordHasher.forTests`.
    package var passwordHasher = PasswordHasher()

    /// Where the checkpoint file is kept.
    public var resolvedCheckpointDirectory: String {
        checkpointDirectory ?? (((keyDirectory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("checkpoints"))
    }

    /// The log's origin line.
    public var resolvedLogOrigin: String {
        if let logOrigin { return logOrigin }
        let host = publicURL.flatMap { URL(string: $0)?.host } ?? "localhost"
        return "\(host)/openimi-access-log"
    }

    /// The base of links to this server.
    public var linkBase: String { publicURL ?? "http://\(hostname):\(port)" }

    /// Creates a configuration; every value has the default a developer machine needs.
    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation? = nil,
        logLevel: Logger.Level = .info, seedDemoData: Bool = false, secretKeyFile: String? = nil,
        secretKey: String? = nil, userListIntervalMonths: Int = 6, demoCredentialsFile: String?? = .none,
        keyDirectory: String? = nil, fontDirectory: String = PDFDocument.Fonts.defaultDirectory,
        masterKeyFile: String? = nil, masterKey: String? = nil, dataDirectory: String = AppConfig.defaultDataDirectory
    ) {
        let inData = { (name: String) in (dataDirectory as NSString).appendingPathComponent(name) }
        self.dataDirectory = dataDirectory
        self.fontDirectory = fontDirectory
        self.masterKeyFile = masterKeyFile ?? inData("openimi-master.key")
        self.masterKey = masterKey
        self.keyDirectory = keyDirectory ?? inData("keys")
        self.demoCredentialsFile = demoCredentialsFile ?? inData("demo-credentials.json")
        self.secretKeyFile = secretKeyFile ?? inData("openimi-secret.key")
        self.secretKey = secretKey
        self.userListIntervalMonths = userListIntervalMonths
        self.hostname = hostname
        self.port = port
        self.database = database ?? .sqlite(path: inData("openimi.sqlite"))
        self.logLevel = logLevel
        self.seedDemoData = seedDemoData
    }

    /// The names of the environment variables, as listed in docs/operations.md.
    public enum Key: String, CaseIterable, Sendable {
        case dataDirectory = "OPENIMI_DATA_DIRECTORY"
        case hostname = "OPENIMI_HOSTNAME"
        case port = "OPENIMI_PORT"
        case databaseURL = "DATABASE_URL"
        case databaseOwnerURL = "OPENIMI_DATABASE_OWNER_URL"
        case logLevel = "LOG_LEVEL"
        case demo = "OPENIMI_DEMO"
        case secretKeyFile = "OPENIMI_SECRET_KEY_FILE"
        case secretKey = "OPENIMI_SECRET_KEY"
        case keyDirectory = "OPENIMI_KEY_DIRECTORY"
        case masterKeyFile = "OPENIMI_MASTER_KEY_FILE"
        case masterKey = "OPENIMI_MASTER_KEY"
        case previousMasterKey = "OPENIMI_MASTER_KEY_PREVIOUS"
        case fontDirectory = "OPENIMI_FONT_DIRECTORY"
        case userListIntervalMonths = "OPENIMI_USER_LIST_MONTHS"
        case reviewUnclosedMonths = "OPENIMI_REVIEW_UNCLOSED_MONTHS"
        case smtpHost = "OPENIMI_SMTP_HOST"
        case smtpPort = "OPENIMI_SMTP_PORT"
        case mailFrom = "OPENIMI_MAIL_FROM"
        case publicURL = "OPENIMI_PUBLIC_URL"
        case trustedProxies = "OPENIMI_TRUSTED_PROXIES"
        case checkpointDirectory = "OPENIMI_CHECKPOINT_DIRECTORY"
        case logOrigin = "OPENIMI_LOG_ORIGIN"
        case witnesses = "OPENIMI_WITNESSES"
        case witnessQuorum = "OPENIMI_WITNESS_QUORUM"
        case witnessTimeout = "OPENIMI_WITNESS_TIMEOUT"
        case translationURL = "OPENIMI_TRANSLATION_URL"
        case translationProvider = "OPENIMI_TRANSLATION_PROVIDER"
        case translationCredentialsFile = "OPENIMI_TRANSLATION_CREDENTIALS_FILE"
        case translationEngineName = "OPENIMI_TRANSLATION_ENGINE"
        case translationTimeout = "OPENIMI_TRANSLATION_TIMEOUT"
        case metricsTokenFile = "OPENIMI_METRICS_TOKEN_FILE"
    }

    /// Resolves each setting from `flags` (set when given on the command line), then `environment`,
    /// then the default; throws naming every setting that is malformed.
    public static func resolve(flags: [Key: String], environment: [String: String]) throws(ConfigurationError) -> AppConfig {
        func value(_ key: Key) -> String? { flags[key] ?? environment[key.rawValue].flatMap { $0.isEmpty ? nil : $0 } }
        var config = AppConfig(dataDirectory: value(.dataDirectory) ?? defaultDataDirectory)
        var problems: [String] = []
        if let hostname = value(.hostname) { config.hostname = hostname }
        if let port = value(.port) {
            if let number = Int(port), (0...65535).contains(number) {
                config.port = number
            } else {
                problems.append("\(Key.port.rawValue) (--port) must be a number from 0 to 65535, got \"\(port)\"")
            }
        }
        if let url = value(.databaseURL) {
            do {
                config.database = try DatabaseLocation(url: url)
            } catch {
                problems.append("\(Key.databaseURL.rawValue) (--database-url): \(error)")
            }
        }
        if let url = value(.databaseOwnerURL) {
            do {
                let owner = try DatabaseLocation(url: url)
                if case .postgres(let ownerAddress) = owner, case .postgres(let address) = config.database,
                    ownerAddress.host == address.host, ownerAddress.port == address.port, ownerAddress.database == address.database,
                    ownerAddress.schema == address.schema
                {
                    config.databaseOwner = owner
                } else {
                    problems.append(
                        "\(Key.databaseOwnerURL.rawValue) must name the same PostgreSQL database (and schema) as \(Key.databaseURL.rawValue), as another role"
                    )
                }
            } catch {
                problems.append("\(Key.databaseOwnerURL.rawValue): \(error)")
            }
        }
        if let level = value(.logLevel) {
            if let parsed = Logger.Level(rawValue: level.lowercased()) {
                config.logLevel = parsed
            } else {
                problems.append(
                    "\(Key.logLevel.rawValue) must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(level)\""
                )
            }
        }
        if let demo = value(.demo) {
            switch demo.lowercased() {
            case "1", "true", "yes": config.seedDemoData = true
            case "0", "false", "no": config.seedDemoData = false
            default: problems.append("\(Key.demo.rawValue) (--demo) must be true or false, got \"\(demo)\"")
            }
        }
        if let file = value(.secretKeyFile) { config.secretKeyFile = file }
        if let directory = value(.keyDirectory) { config.keyDirectory = directory }
        if let directory = value(.fontDirectory) { config.fontDirectory = directory }
        if let file = value(.masterKeyFile) { config.masterKeyFile = file }
        for (key, assign) in [
            (Key.secretKey, \AppConfig.secretKey), (Key.masterKey, \AppConfig.masterKey),
            (Key.previousMasterKey, \AppConfig.previousMasterKey),
        ] {
            guard let text = value(key) else { continue }
            if let bytes = Data(base64Encoded: text), bytes.count == 32 {
                config[keyPath: assign] = text
            } else {
                problems.append("\(key.rawValue) must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)")
            }
        }
        if let months = value(.reviewUnclosedMonths) {
            if let number = Int(months), (1...120).contains(number) {
                config.reviewUnclosedMonths = number
            } else {
                problems.append("\(Key.reviewUnclosedMonths.rawValue) must be a number of months from 1 to 120, got \"\(months)\"")
            }
        }
        if let months = value(.userListIntervalMonths) {
            if let number = Int(months), (1...24).contains(number) {
                config.userListIntervalMonths = number
            } else {
                problems.append("\(Key.userListIntervalMonths.rawValue) must be a number of months from 1 to 24, got \"\(months)\"")
            }
        }
        if let proxies = value(.trustedProxies) {
            let addresses = proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if addresses.allSatisfy({ $0.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" } }) {
                config.trustedProxies = addresses
            } else {
                problems.append("\(Key.trustedProxies.rawValue) must list IP addresses separated by commas, got \"\(proxies)\"")
            }
        }
        resolveMail(into: &config, value: value, problems: &problems)
        resolveWitnessing(into: &config, value: value, problems: &problems)
        resolveTranslation(into: &config, value: value, problems: &problems)
        config.metricsTokenFile = value(.metricsTokenFile)
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return config
    }
}

extension AppConfig {
    /// The files of the layout before the data directory (database and keys in the working
    /// directory) that `base` holds, when they would be the ones in use and the data directory does
    /// not exist yet: starting then would open a new, empty platform beside them.
    public func earlierLayoutFiles(in base: String) -> [String] {
        let inBase = { (name: String) in (base as NSString).appendingPathComponent(name) }
        guard !(dataDirectory as NSString).isAbsolutePath, !FileManager.default.fileExists(atPath: inBase(dataDirectory)) else {
            return []
        }
        // Each setting still at its default in the data directory would have been that file in the working directory.
        let defaults = AppConfig(dataDirectory: dataDirectory)
        let name = { (path: String) in (path as NSString).lastPathComponent }
        var earlier: [String] = []
        if database == defaults.database, case .sqlite(let path) = database { earlier.append(name(path)) }
        for (setting, standard) in [
            (secretKeyFile, defaults.secretKeyFile), (masterKeyFile, defaults.masterKeyFile), (keyDirectory, defaults.keyDirectory),
        ]
        where setting == standard {
            earlier.append(name(setting))
        }
        return earlier.filter { FileManager.default.fileExists(atPath: inBase($0)) }
    }

    /// Creates the data directory owner-only when it does not exist yet (an existing one is left as
    /// it is); refuses, naming the files and the fix, when the working directory holds the database
    /// or keys of the layout before it.
    public func createDataDirectory() throws {
        let earlier = earlierLayoutFiles(in: FileManager.default.currentDirectoryPath)
        guard earlier.isEmpty else {
            throw ConfigurationError(problems: [
                "the working directory holds \(earlier.joined(separator: ", ")) from before the data directory \(dataDirectory)/: "
                    + "move them into it (mkdir -m 700 \(dataDirectory) && mv \(earlier.map { $0 == "openimi.sqlite" ? "openimi.sqlite*" : $0 }.joined(separator: " ")) \(dataDirectory)/), "
                    + "or name them with DATABASE_URL, OPENIMI_SECRET_KEY_FILE, OPENIMI_MASTER_KEY_FILE and OPENIMI_KEY_DIRECTORY"
            ])
        }
        guard !FileManager.default.fileExists(atPath: dataDirectory) else { return }
        try FileManager.default.createDirectory(
            atPath: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}

extension AppConfig: CustomStringConvertible {
    /// The settings without the secret key, so that printing a configuration reveals no secret.
    public var description: String {
        "AppConfig(\(hostname):\(port), \(database), log level \(logLevel), demo \(seedDemoData), keys \(keyDirectory), fonts \(fontDirectory), "
            + "secret key \(secretKey == nil ? "from \(secretKeyFile)" : "from the environment"), "
            + "master key \(masterKey == nil ? "from \(masterKeyFile)" : "from the environment"))"
    }
}

/// A configuration that cannot be used, with every problem named.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One line per malformed or missing setting.
    public let problems: [String]

    public var description: String {
        "Configuration error:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }

    /// Creates it from its parts.
    public init(problems: [String]) {
        self.problems = problems
    }
}
