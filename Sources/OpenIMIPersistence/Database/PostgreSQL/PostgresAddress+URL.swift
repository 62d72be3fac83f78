import Foundation

extension PostgresAddress {
    /// The address as a database URL that ``DatabaseLocation/init(url:)`` reads back to the same
    /// address, password included: for handing the database to a process this one starts, in its
    /// environment, never on a command line or in a log.
    public var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        components.queryItems =
            (schema.map { [URLQueryItem(name: "schema", value: $0)] } ?? [])
            + [
                URLQueryItem(name: "sslmode", value: sslMode.rawValue), URLQueryItem(name: "pool", value: "\(poolSize)"),
                URLQueryItem(name: "prepared", value: "\(preparedStatements)"),
            ]
        return components.string ?? ""
    }
}
