import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// An `SQLDatabase` that leases a pooled connection for each statement.
struct PooledPostgresSQLDatabase: PostgresSQL {
    /// The pool.
    let client: PostgresClient
    /// The process's choice of prepared statements.
    let texts: PreparedTexts
    /// The driver's logger.
    let logger: Logger

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await client.withConnection { connection in
            try await PostgresConnectionSQL(connection: connection, texts: texts, logger: logger).execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await closure(PostgresConnectionSQL(connection: connection, texts: texts, logger: logger))
        }
    }
}
