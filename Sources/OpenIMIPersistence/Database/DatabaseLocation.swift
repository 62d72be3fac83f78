import Foundation

/// Where the database is, as given by `DATABASE_URL`: `sqlite:PATH` or `postgres://user:pass@host:port/db`.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database; `schema`, when set, is created if missing and put first on the search path.
    case postgres(PostgresAddress)

    /// The embedded default: `openimi.sqlite` in the data directory `openimi-data` of the working directory.
    public static let embeddedDefault = DatabaseLocation.sqlite(path: "openimi-data/openimi.sqlite")

    /// Parses a database URL; throws with the reason when it is not one of the two accepted forms.
    public init(url: String) throws(DatabaseLocationError) {
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw .missingPath }
            guard path != ":memory:" else { throw .inMemoryNotSupported }
            self = .sqlite(path: path)
            return
        }
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql"
        else { throw .unsupportedScheme }
        guard let host = components.host, !host.isEmpty else { throw .missingHost }
        guard let user = components.user, !user.isEmpty else { throw .missingUser }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw .missingDatabaseName }
        let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value
        if let schema, !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            throw .invalidSchema
        }
        let sslMode = try components.queryItems?.first(where: { $0.name == "sslmode" })?.value.map { value throws(DatabaseLocationError) in
            guard let mode = PostgresSSLMode(rawValue: value) else { throw .invalidSSLMode(value) }
            return mode
        }
        var poolSize = PostgresAddress.defaultPoolSize
        if let text = components.queryItems?.first(where: { $0.name == "pool" })?.value {
            guard let size = Int(text), PostgresAddress.poolSizes.contains(size) else { throw .invalidPoolSize(text) }
            poolSize = size
        }
        var preparedStatements = PostgresAddress.defaultPreparedStatements
        if let text = components.queryItems?.first(where: { $0.name == "prepared" })?.value {
            guard let count = Int(text), PostgresAddress.preparedStatementCounts.contains(count) else {
                throw .invalidPreparedStatements(text)
            }
            preparedStatements = count
        }
        self = .postgres(
            PostgresAddress(
                host: host, port: components.port ?? 5432, user: user,
                // `password` is already decoded: decoding again would turn a literal "%41" into "A".
                password: components.password, database: database,
                schema: schema, sslMode: sslMode ?? .prefer, poolSize: poolSize, preparedStatements: preparedStatements))
    }

    /// Which engine the location points to.
    public var kind: DatabaseKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgresql
        }
    }

    /// The location without its password, safe to log.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let address):
            "postgres://\(address.user)@\(address.host):\(address.port)/\(address.database)"
                + (address.schema.map { "?schema=\($0)" } ?? "")
        }
    }
}

/// The parts of a PostgreSQL URL.
public struct PostgresAddress: Sendable, Hashable {
    /// Server host name or address.
    public var host: String
    /// Server port.
    public var port: Int
    /// Role to connect as.
    public var user: String
    /// Password, if any.
    public var password: String?
    /// Database name.
    public var database: String
    /// Schema to use instead of `public`, mainly to isolate test runs.
    public var schema: String?
    /// How TLS is used, as libpq's `sslmode` says.
    public var sslMode: PostgresSSLMode
    /// The most connections this instance opens (`pool=`): every instance's pool together must
    /// stay under the server's `max_connections`.
    public var poolSize: Int = defaultPoolSize

    /// The pool size without `pool=`.
    public static let defaultPoolSize = 10
    /// The pool sizes `pool=` accepts: two at least, since signing a checkpoint holds one
    /// connection for the cluster lock while it reads and writes through another.
    public static let poolSizes = 2...200
    /// The most statement texts this instance keeps prepared on each connection (`prepared=`);
    /// 0 runs every statement unnamed, as a pooler that does not keep prepared statements
    /// across transactions (PgBouncer's transaction mode before 1.21) needs.
    public var preparedStatements: Int = defaultPreparedStatements

    /// The number of prepared statements without `prepared=`.
    public static let defaultPreparedStatements = 512
    /// The numbers `prepared=` accepts.
    public static let preparedStatementCounts = 0...4_096
}

/// Why a database URL was refused.
public enum DatabaseLocationError: Error, Sendable, Hashable, CustomStringConvertible {
    case unsupportedScheme, missingPath, inMemoryNotSupported, missingHost, missingUser, missingDatabaseName, invalidSchema
    /// `sslmode=` names none of libpq's modes.
    case invalidSSLMode(String)
    /// `pool=` is not a number from 2 to 200.
    case invalidPoolSize(String)
    /// `prepared=` is not a number from 0 to 4,096.
    case invalidPreparedStatements(String)

    public var description: String {
        switch self {
        case .unsupportedScheme: "DATABASE_URL must start with sqlite: or postgres://"
        case .missingPath: "DATABASE_URL sqlite: needs a file path, e.g. sqlite:openimi-data/openimi.sqlite"
        case .inMemoryNotSupported: "DATABASE_URL sqlite::memory: is not supported: readers and writer need one shared file"
        case .missingHost: "DATABASE_URL postgres:// needs a host"
        case .missingUser: "DATABASE_URL postgres:// needs a user name"
        case .missingDatabaseName: "DATABASE_URL postgres:// needs a database name after the host"
        case .invalidSchema: "DATABASE_URL schema= may contain only letters, digits and underscores"
        case .invalidPoolSize(let value):
            "DATABASE_URL pool= must be a number from \(PostgresAddress.poolSizes.lowerBound) to \(PostgresAddress.poolSizes.upperBound), got \"\(value.prefix(40))\""
        case .invalidPreparedStatements(let value):
            "DATABASE_URL prepared= must be a number from \(PostgresAddress.preparedStatementCounts.lowerBound) to \(PostgresAddress.preparedStatementCounts.upperBound), got \"\(value.prefix(40))\""
        case .invalidSSLMode(let value):
            "DATABASE_URL sslmode= must be one of \(PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(value.prefix(40))\""
        }
    }
}
