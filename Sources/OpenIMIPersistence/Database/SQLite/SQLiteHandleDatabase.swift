import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLKit's view of one ``SQLiteHandle``: statements built with SQLKit run on the calling thread;
/// those that only wait run on ``SQLiteThreads`` (``runWaiting(_:)``).
struct SQLiteHandleDatabase: SQLDatabase {
    /// The connection statements run on.
    let handle: SQLiteHandle
    let logger: Logger
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    /// Runs statements on `handle`.
    init(handle: SQLiteHandle, logger: Logger) {
        self.handle = handle
        self.logger = logger
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeCompletedFuture { try run(query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    /// Runs `statement` (`BEGIN IMMEDIATE`, `COMMIT`) on ``SQLiteThreads``: the statements that wait
    /// rather than compute — for the disk to flush, for another process's write lock — wait there,
    /// not on one of Swift's cooperative threads.
    func runWaiting(_ statement: String) async throws {
        try await SQLiteThreads.pool.runIfActive { [handle] in try handle.run(statement, []) { _ in } }
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        try handle.run(sql, try binds.map { try encoder.encode($0) }) { onRow($0) }
    }
}
