import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// Writes the access-log entries of reads, those that arrive while one batch is being written
/// together in the next (up to ``maximumBatch``): one transaction, one statement per table and one
/// durable commit for many reads instead of one each.
///
/// A reader hears back only once its entry is committed, and gets the data only then, as when each
/// read wrote its own transaction. Should a batch fail, its entries are written again one by one,
/// so that one entry the database refuses fails only its own read (see ``retryAlone(_:failure:)``).
actor ReadLog {
    /// The most entries written in one transaction.
    static let maximumBatch = 256

    private struct Waiting {
        let processing: AccessLog.Processing
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let database: any Database
    private var waiting: [Waiting] = []
    private var writing = false

    /// Writes to `database`.
    init(database: any Database) {
        self.database = database
    }

    /// Records `processing` and returns once it is committed.
    func record(_ processing: AccessLog.Processing) async throws {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(processing: processing, continuation: continuation))
            if !writing {
                writing = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.maximumBatch))
            waiting.removeFirst(batch.count)
            let processings = batch.map(\.processing)
            do {
                try await database.transaction { try await AccessLog(sql: $0).record(processings) }
                for reader in batch { reader.continuation.resume() }
            } catch {
                await retryAlone(batch, failure: error)
            }
        }
        writing = false
    }

    /// Writes each entry of a failed batch on its own, so that one the database refuses fails its
    /// own read alone. Two failures in a row mean the database itself fails: the rest of the batch
    /// is refused at once rather than tried one by one while new readers wait.
    private func retryAlone(_ batch: [Waiting], failure: any Error) async {
        var failedInARow = 0
        for reader in batch {
            guard failedInARow < 2 else {
                reader.continuation.resume(throwing: failure)
                continue
            }
            let processing = reader.processing
            do {
                try await database.transaction { try await AccessLog(sql: $0).record([processing]) }
                failedInARow = 0
                reader.continuation.resume()
            } catch {
                failedInARow += 1
                reader.continuation.resume(throwing: error)
            }
        }
    }
}
