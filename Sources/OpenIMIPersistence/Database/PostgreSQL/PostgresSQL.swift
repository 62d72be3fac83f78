import Logging
import NIOCore
import PostgresKit
import SQLKit

/// An `SQLDatabase` on PostgreSQL: PostgreSQL's dialect, no query logging (bound values may be
/// personal data), and SQLKit's future-returning `execute` answered by the async one.
protocol PostgresSQL: SQLDatabase {}

extension PostgresSQL {
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }
}
