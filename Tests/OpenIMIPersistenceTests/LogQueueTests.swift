import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

/// Entries are queued by the transactions that write them and chained in batches by the sequencer.
@Suite struct LogQueueTests {
    private static func record(_ sql: any SQLDatabase, request: UUID, operation: AccessOperation, at seconds: Double) async throws {
        try await AccessLog(sql: sql).record(
            userID: UUID(), organisationID: UUID(), requestID: request, operation: operation, purpose: .read(.api, .getRequest),
            fields: ["subject"], at: Date(timeIntervalSince1970: seconds))
    }

    private static func chainedIDs(_ database: any Database) async throws -> [String] {
        try await database.sql.raw("SELECT entry_id FROM log_chain ORDER BY seq").all().map {
            try $0.decode(column: "entry_id", as: String.self)
        }
    }

    @Test func queuedEntriesAreChainedInTheOrderTheyWereWritten() async throws {
        try await TestDatabase.withDatabase { database in
            let request = UUID()
            // Three entries of one moment in one transaction: the chain keeps the order they were written in.
            try await database.transaction { sql in
                for operation in [AccessOperation.write, .read, .search] {
                    try await Self.record(sql, request: request, operation: operation, at: 1_800_000_000)
                }
            }
            #expect(try await Self.chainedIDs(database).isEmpty, "a transaction that logs does not touch the chain")
            let verifier = LogVerifier(database: database, identities: [])
            let before = try await verifier.verify()
            #expect(before.entries == 0 && before.queued == 3)

            var late = verifier
            late.interval = 60
            late.now = 1_800_000_061
            await #expect(throws: LogVerificationFailure.unsequenced(entries: 3, ageSeconds: 61)) { try await late.verify() }

            #expect(try await LogSequencer(database: database).integrate() == 3)
            #expect(try await LogSequencer(database: database).integrate() == 0)
            let operations = try await database.sql.raw(
                "SELECT a.operation FROM log_chain c JOIN access_log a ON a.id = c.entry_id ORDER BY c.seq"
            ).all().map { try $0.decode(column: "operation", as: String.self) }
            #expect(operations == ["write", "read", "search"])
            #expect(try await AccessLog(sql: database.sql).entries(of: request).map(\.operation) == ["write", "read", "search"])
            let after = try await verifier.verify()
            #expect(after.entries == 3 && after.queued == 0)
        }
    }

    @Test func theHistoryShowsQueuedEntriesAfterChainedOnesOfTheSameMoment() async throws {
        try await TestDatabase.withDatabase { database in
            let request = UUID()
            try await database.transaction { try await Self.record($0, request: request, operation: .write, at: 1_800_000_000) }
            try await LogSequencer(database: database).integrate()
            try await database.transaction { try await Self.record($0, request: request, operation: .read, at: 1_800_000_000) }
            try await database.transaction { try await Self.record($0, request: request, operation: .search, at: 1_800_000_000) }
            #expect(try await AccessLog(sql: database.sql).entries(of: request).map(\.operation) == ["write", "read", "search"])
        }
    }

    @Test func parallelWritersAndSequencersChainEveryEntryOnceWithoutGaps() async throws {
        try await TestDatabase.withDatabase { database in
            let writers = 16
            let transactions = 15
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        let request = UUID()
                        for n in 0..<transactions {
                            try await database.transaction { sql in
                                try await Self.record(
                                    sql, request: request, operation: .write, at: 1_800_000_000 + Double(writer * 100 + n))
                                try await Self.record(sql, request: request, operation: .read, at: 1_800_000_000 + Double(writer * 100 + n))
                            }
                        }
                    }
                }
                // Sequencers of several instances running at once, while the writers write.
                for _ in 0..<3 {
                    group.addTask {
                        for _ in 0..<20 {
                            try await LogSequencer(database: database).integrate()
                            try await Task.sleep(for: .milliseconds(5))
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await LogSequencer(database: database).integrate()
            let sequences = try await database.sql.raw("SELECT seq FROM log_chain ORDER BY seq").all().map {
                try $0.decode(column: "seq", as: Int64.self)
            }
            #expect(sequences == Array(0..<Int64(writers * transactions * 2)))
            #expect(Set(try await Self.chainedIDs(database)).count == writers * transactions * 2)
            let summary = try await LogVerifier(database: database, identities: []).verify()
            #expect(summary.entries == Int64(writers * transactions * 2) && summary.queued == 0)
        }
    }

    @Test func aRolledBackTransactionLeavesNothingInTheQueue() async throws {
        try await TestDatabase.withDatabase { database in
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await database.transaction { sql in
                    try await Self.record(sql, request: UUID(), operation: .write, at: 1_800_000_000)
                    throw Abandoned()
                }
            }
            #expect(try await LogSequencer(database: database).integrate() == 0)
            let summary = try await LogVerifier(database: database, identities: []).verify()
            #expect(summary.entries == 0 && summary.queued == 0)
        }
    }

    @Test func aQueuedEntryLeavesTheQueueOnlyOnceChained() async throws {
        try await TestDatabase.withDatabase { database in
            let request = UUID()
            try await database.transaction { try await Self.record($0, request: request, operation: .write, at: 1_800_000_000) }
            for statement in ["DELETE FROM log_pending", "UPDATE log_pending SET entry_id = entry_id"] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await database.transaction { try await $0.raw("\(unsafeRaw: statement)").run() }
                }
            }
            #expect(try await LogSequencer(database: database).integrate() == 1)
            #expect(try await Self.chainedIDs(database).count == 1)
        }
    }

    @Test func aQueuedRowForAnEntryAlreadyChainedDoesNotStopTheChain() async throws {
        try await TestDatabase.withDatabase { database in
            let request = UUID()
            try await database.transaction { try await Self.record($0, request: request, operation: .write, at: 1_800_000_000) }
            try await LogSequencer(database: database).integrate()
            let chained = try #require(try await Self.chainedIDs(database).first)
            // Queued again behind the application's back, then a genuine entry after it.
            try await database.transaction { try await $0.raw("INSERT INTO log_pending (entry_id) VALUES (\(bind: chained))").run() }
            try await database.transaction { try await Self.record($0, request: request, operation: .read, at: 1_800_000_001) }
            #expect(try await LogSequencer(database: database).integrate() == 2)
            #expect(try await Self.chainedIDs(database).count == 2)
            let summary = try await LogVerifier(database: database, identities: []).verify()
            #expect(summary.entries == 2 && summary.queued == 0)
        }
    }
}
