import SQLKit

/// Runs write transactions on SQLite's one writer connection, one after another in arrival order,
/// and commits the ones that queued up while the previous commit was under way together (group
/// commit).
///
/// With `synchronous=FULL` every commit waits for the disk, and every statement travels to a
/// worker thread and back; a commit shared by the transactions that arrived meanwhile pays both
/// once. Each transaction after the first of a group runs inside its own savepoint, so one that
/// throws is rolled back alone and the others still commit. No caller hears of success before the
/// shared `COMMIT` is on disk; if the commit fails, every transaction of the group fails.
/// Queueing writers here, instead of letting them collide on the file lock, also keeps
/// `BEGIN IMMEDIATE` from failing with SQLITE_BUSY under load.
actor GroupCommit {
    /// The most transactions committed together.
    static let maximumGroup = 32

    private struct Job {
        let body: @Sendable (any SQLDatabase) async throws -> any Sendable
        /// When it was queued, for the wait it is measured to have had.
        let asked: UInt64
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let writer: SQLiteHandleDatabase
    private var queue: [Job] = []
    private var draining = false

    /// Writes through `writer`, the one connection that writes.
    init(writer: SQLiteHandleDatabase) {
        self.writer = writer
    }

    /// Runs `body` in a transaction and returns its result once that transaction is committed.
    func run<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let asked = DatabaseMetrics.now
        let value = try await withCheckedThrowingContinuation { continuation in
            queue.append(Job(body: { try await body($0) }, asked: asked, continuation: continuation))
            DatabaseMetrics.writerQueue(queue.count)
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
        guard let result = value as? R else { throw GroupCommitError.resultOfAnotherType }
        return result
    }

    private func drain() async {
        while !queue.isEmpty {
            let group = Array(queue.prefix(Self.maximumGroup))
            queue.removeFirst(group.count)
            DatabaseMetrics.writerQueue(queue.count)
            for job in group { DatabaseMetrics.waited(.sqlite, since: job.asked) }
            let active = DatabaseMetrics.active(.sqlite)
            active.increment(by: Double(group.count))
            await commit(group)
            active.decrement(by: Double(group.count))
        }
        draining = false
    }

    /// Runs `group` in one transaction and tells each job its outcome after the commit.
    private func commit(_ group: [Job]) async {
        var outcomes: [Result<any Sendable, any Error>] = []
        var open = false
        do {
            for job in group {
                if !open {
                    try await writer.runWaiting("BEGIN IMMEDIATE")
                    open = true
                    // The first job of a transaction needs no savepoint: if it fails, the whole
                    // transaction is rolled back and the next job starts a new one.
                    do {
                        outcomes.append(.success(try await job.body(writer)))
                    } catch {
                        outcomes.append(.failure(error))
                        // The engine may have rolled back already; a new transaction starts either way.
                        try? await writer.raw("ROLLBACK").run()
                        open = false
                    }
                    continue
                }
                let savepoint = "job\(outcomes.count)"
                try await writer.raw("SAVEPOINT \(unsafeRaw: savepoint)").run()
                do {
                    outcomes.append(.success(try await job.body(writer)))
                } catch {
                    outcomes.append(.failure(error))
                    // A failure here (the engine already ended the transaction) fails the group below.
                    try await writer.raw("ROLLBACK TO \(unsafeRaw: savepoint)").run()
                }
            }
            if open {
                let committing = DatabaseMetrics.now
                try await writer.runWaiting("COMMIT")
                DatabaseMetrics.committed(.sqlite, since: committing)
            }
        } catch {
            if open { try? await writer.raw("ROLLBACK").run() }
            for job in group { job.continuation.resume(throwing: error) }
            return
        }
        for (job, outcome) in zip(group, outcomes) { job.continuation.resume(with: outcome) }
    }
}

/// Why a grouped write transaction could not return its result.
enum GroupCommitError: Error {
    /// The result did not come back as the type the caller expects; cannot happen by construction.
    case resultOfAnotherType
}
