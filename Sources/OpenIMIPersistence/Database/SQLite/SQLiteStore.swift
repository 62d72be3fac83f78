import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import ServiceLifecycle
import Synchronization

/// The embedded SQLite database: one writer connection and a few readers on one file in WAL mode.
///
/// Statements run on the calling thread, except those that wait (a transaction's start and commit,
/// on ``SQLiteThreads``); writes queue in ``GroupCommit``.
public final class SQLiteStore: Database {
    public let kind = DatabaseKind.sqlite
    public let services: [any Service] = []
    private let writer: SQLiteHandle
    private let readers: [SQLiteHandle]
    private let readerDatabase: ReaderConnections
    private let writes: GroupCommit
    private let closed = Atomic<Bool>(false)

    /// Opens (creating if needed) the database file at `path`.
    ///
    /// `synchronous=FULL`: every commit is on disk before it is acknowledged, so no acknowledged
    /// exchange or log entry is lost even on a power cut (about 3 ms per commit on commodity disks).
    public static func open(path: String, readers readerCount: Int = 2, logger: Logger) async throws -> SQLiteStore {
        // SQLite gives the WAL and shared-memory files the database file's permissions: a new
        // database is created owner-only so that none of the three is readable by others.
        if path != ":memory:", !FileManager.default.fileExists(atPath: path) {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let writer = try openConnection(path: path, readOnly: false)
        try writer.run("PRAGMA journal_mode=WAL", []) { _ in }
        // Readers cannot write: every change goes through the one writer and its transactions.
        var readers: [SQLiteHandle] = []
        for _ in 0..<max(1, readerCount) {
            readers.append(try openConnection(path: path, readOnly: true))
        }
        return SQLiteStore(writer: writer, readers: readers, logger: logger)
    }

    private init(writer: SQLiteHandle, readers: [SQLiteHandle], logger: Logger) {
        self.writer = writer
        self.writes = GroupCommit(writer: SQLiteHandleDatabase(handle: writer, logger: logger))
        self.readers = readers
        self.readerDatabase = ReaderConnections(databases: readers.map { SQLiteHandleDatabase(handle: $0, logger: logger) })
    }

    private static func openConnection(path: String, readOnly: Bool) throws -> SQLiteHandle {
        let connection = try SQLiteHandle.open(path: path, readOnly: readOnly)
        let pragmas =
            readOnly
            ? ["PRAGMA busy_timeout=10000", "PRAGMA query_only=ON"]
            : ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA synchronous=FULL"]
        for pragma in pragmas {
            try connection.run(pragma, []) { _ in }
        }
        try connection.keepPlansIndependentOfBoundValues()
        return connection
    }

    /// How many times the statements kept on all connections were prepared again.
    var statementsPreparedAgain: Int { ([writer] + readers).reduce(0) { $0 + $1.statementsPreparedAgain } }

    public var sql: any SQLDatabase { readerDatabase }

    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writes.run(body)
    }

    public func prepare() async throws {}

    /// Closes every connection; later calls do nothing.
    public func close() async throws {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for reader in readers { reader.close() }
        writer.close()
    }
}

/// Spreads statements over several connections: the first idle one from a turning start, or, when
/// every one is busy, the next in turn. A statement holds its connection's lock on the calling
/// thread, one of Swift's few cooperative threads: sent to a busy connection while another is idle,
/// it would block that thread for nothing.
struct ReaderConnections: SQLDatabase {
    let databases: [SQLiteHandleDatabase]
    private let counter = Counter()

    init(databases: [SQLiteHandleDatabase]) {
        self.databases = databases
    }

    private var next: any SQLDatabase {
        let start = counter.next()
        for offset in 0..<databases.count {
            let database = databases[(start + offset) % databases.count]
            if database.handle.isIdle { return database }
        }
        return databases[start % databases.count]
    }
    var logger: Logger { databases[0].logger }
    var eventLoop: any EventLoop { databases[0].eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { databases[0].version }
    var dialect: any SQLDialect { databases[0].dialect }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        next.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await next.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await next.withSession(closure)
    }

    final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max }
    }
}
