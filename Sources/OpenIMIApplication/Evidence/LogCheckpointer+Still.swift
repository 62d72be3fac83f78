import Foundation
import OpenIMIPersistence
import OpenIMISecurity

extension LogCheckpointer {
    /// A checkpoint that covers the last change of the record `id` together with the record as it
    /// stands at that moment: a change between reading the record and signing would put content and
    /// log out of step, so `read` is called again until the record's `version` stands still (five
    /// tries). A checkpoint younger than a minute that covers the last change serves as well as a
    /// new one. Nil when the record kept changing.
    func stillCheckpoint<Record: Sendable>(
        of id: UUID, now: Date, read: () async throws -> Record, version: (Record) -> Int
    ) async throws -> (record: Record, checkpoint: LogCheckpoint)? {
        var record = try await read()
        for _ in 0..<5 {
            // The change may still wait in the queue: chained first, so that a recent checkpoint
            // is not mistaken for one that covers it.
            try await LogSequencer(database: database).integrate()
            let lastChange = try await RequestLogRepository(sql: database.sql).lastChange(of: id)
            let signed: LogCheckpoint?
            if let recent = try await recent(covering: lastChange, now: now) {
                signed = recent
            } else {
                signed = try await checkpoint(now: now, force: true)
            }
            let again = try await read()
            if version(again) == version(record), let signed { return (record, signed) }
            record = again
        }
        return nil
    }
}
