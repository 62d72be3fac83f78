import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle

/// A PostgreSQL database reached through PostgresNIO's connection pool, which runs as a service.
public final class PostgresStore: Database {
    public let kind = DatabaseKind.postgresql
    /// The pool; internal so that tests can read rows as PostgresNIO gives them.
    let client: PostgresClient
    private let pooled: PooledPostgresSQLDatabase
    private let schema: String?
    private let texts: PreparedTexts
    private let driverLogger: Logger

    /// Creates the pool for `address`; it connects once its service runs.
    public convenience init(address: PostgresAddress, logger: Logger) {
        self.init(address: address, logger: logger, texts: PreparedTexts(limit: address.preparedStatements))
    }

    /// Creates the pool for `address` with `texts` choosing the statements each connection keeps
    /// prepared; `texts` belongs to this store alone (it knows connections by their pool's ids).
    init(address: PostgresAddress, logger: Logger, texts: PreparedTexts) {
        self.texts = texts
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database,
            tls: address.sslMode.clientTLS)
        if let schema = address.schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        configuration.options.maximumConnections = address.poolSize
        // With no minimum, PostgresNIO (up to at least 1.33) opens no new connection when the last
        // one fails while a request waits for it, and the request waits for ever
        // (vapor/postgres-nio#657); one connection kept open makes the pool replace it.
        configuration.options.minimumConnections = 1
        self.schema = address.schema
        // PostgresNIO's trace output carries the authentication exchange and the bytes of every
        // row read, personal data included: the driver never logs below debug.
        var driverLogger = logger
        driverLogger.logLevel = max(logger.logLevel, .debug)
        self.driverLogger = driverLogger
        self.client = PostgresClient(configuration: configuration, backgroundLogger: driverLogger)
        self.pooled = PooledPostgresSQLDatabase(client: client, texts: self.texts, logger: driverLogger)
    }

    public var services: [any Service] { [client] }
    public var sql: any SQLDatabase { pooled }

    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let asked = DatabaseMetrics.now
        let active = DatabaseMetrics.active(.postgresql)
        active.increment()
        defer { active.decrement() }
        return try await client.withConnection { connection in
            DatabaseMetrics.waited(.postgresql, since: asked)
            return try await run(body, on: connection)
        }
    }

    private func run<R: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R, on connection: PostgresConnection
    )
        async throws -> R
    {
        var database = PostgresConnectionSQL(connection: connection, texts: texts, logger: driverLogger)
        database.inTransaction = true
        try await database.raw("BEGIN").run()
        do {
            let result = try await body(database)
            let committing = DatabaseMetrics.now
            try await database.raw("COMMIT").run()
            DatabaseMetrics.committed(.postgresql, since: committing)
            return result
        } catch {
            // A connection whose transaction could not be rolled back must not serve anyone
            // else: it would run their statements inside it, holding its locks.
            do { try await database.raw("ROLLBACK").run() } catch { try? await connection.close() }
            throw error
        }
    }

    public func prepare() async throws {
        guard let schema else { return }
        // The name was checked to be letters, digits and underscores when the URL was parsed.
        do {
            try await pooled.raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: schema)").run()
        } catch {
            // Two starts at once can both miss the schema and race to create it (IF NOT EXISTS is not
            // atomic in PostgreSQL): the one that loses finds it made.
            guard try await pooled.raw("SELECT 1 AS found FROM pg_namespace WHERE nspname = \(bind: schema)").first() != nil else {
                throw error
            }
        }
    }

    public func close() async throws {}
}
