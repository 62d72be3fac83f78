import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// `openimi benchmark log`: with a large access log stored, time a full verification, a checkpoint
/// and appending entries.
struct LogBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Time verifying, checkpointing and appending to a large access log in a throw-away database.",
        discussion: """
            Stores --entries chained access-log entries (as the application writes them, in bulk), signs a \
            checkpoint over them, verifies the whole log as `openimi verify-log` does, then appends \
            --appends entries one transaction at a time and reports how long the chaining took in each.
            """)

    @Option(name: .customLong("database-url"), help: "postgres://… to benchmark PostgreSQL; SQLite otherwise.")
    var databaseURL: String?

    @Option(help: "Entries to store before verifying.")
    var entries = 1_000_000

    @Option(help: "Entries to append one by one, timing the chaining.")
    var appends = 2_000

    func run() async throws {
        let (entries, appends) = (self.entries, self.appends)
        try await ThrowawayDatabase.run(databaseURL: databaseURL) { platform in
            try await LogBenchmark(platform: platform, entries: entries, appends: appends).run()
        }
    }
}

/// The log benchmark proper.
struct LogBenchmark {
    /// The platform on the throw-away database.
    let platform: Platform
    /// Entries to store before verifying.
    let entries: Int
    /// Entries appended one by one afterwards.
    let appends: Int

    /// Loads, checkpoints, verifies and appends, printing each figure.
    func run() async throws {
        let database = platform.database
        let loadStart = ContinuousClock.now
        var previous = LogEntry.origin
        let requests = (0..<1_000).map { _ in UUID().uuidString.lowercased() }
        let users = (0..<50).map { _ in UUID().uuidString.lowercased() }
        for start in stride(from: 0, to: entries, by: 20_000) {
            var batch: [LogEntry] = []
            for n in start..<min(start + 20_000, entries) {
                let entry = LogEntry(
                    sequence: Int64(n), id: UUID().uuidString.lowercased(), at: 1_780_000_000 + Int64(n / 10), user: users[n % users.count],
                    organisation: users[(n / 7) % users.count], request: requests[n % requests.count],
                    operation: n % 4 == 0 ? "write" : "read", purpose: n % 4 == 0 ? "step:answer" : "api:get-request",
                    fields: ["subject", "freeText", "answers"], digest: ContentDigest.sha256(Data("content \(n)".utf8)), previous: previous)
                previous = ContentDigest.hex(entry.hash)
                batch.append(entry)
            }
            let rows = batch
            try await database.transaction { sql in
                for chunk in stride(from: 0, to: rows.count, by: 500) {
                    let part = rows[chunk..<min(chunk + 500, rows.count)]
                    var insert = sql.insert(into: "access_log").columns(
                        "id", "at", "user_id", "organisation_id", "request_id", "operation", "purpose", "fields", "content_digest")
                    for e in part {
                        insert = insert.values(
                            SQLBind(e.id), SQLBind(e.at), SQLBind(e.user), SQLBind(e.organisation), SQLBind(e.request),
                            SQLBind(e.operation),
                            SQLBind(e.purpose), SQLBind(#"["subject","freeText","answers"]"#), SQLBind(e.digest))
                    }
                    try await insert.run()
                    var chain = sql.insert(into: "log_chain").columns("seq", "entry_id", "entry_hash")
                    for e in part { chain = chain.values(SQLBind(e.sequence), SQLBind(e.id), SQLBind(ContentDigest.hex(e.hash))) }
                    try await chain.run()
                }
            }
        }
        try await database.refreshStatistics()
        print("Stored \(entries) chained entries in \(database.kind.rawValue) in \(ContinuousClock.now - loadStart)")

        let checkpointStart = ContinuousClock.now
        let checkpoint = try await platform.checkpointer.checkpoint(now: Date())
        print(
            "First checkpoint over \(checkpoint?.treeSize ?? 0) entries (reading every entry hash) in \(ContinuousClock.now - checkpointStart)"
        )

        let verifyStart = ContinuousClock.now
        let summary = try await LogVerifier(database: database, identities: try platform.keys.identities()).verify()
        print("Verified \(summary.entries) entries and \(summary.checkpoints) checkpoint(s) in \(ContinuousClock.now - verifyStart)")

        if let checkpoint {
            var proofs = Latencies()
            for _ in 0..<200 {
                let sequence = Int64.random(in: 0..<checkpoint.treeSize)
                let proof = try await proofs.time {
                    try await LogProofs(sql: database.sql).inclusionProof(sequence: sequence, treeSize: checkpoint.treeSize)
                }
                let leaf = try await database.sql.raw("SELECT entry_hash FROM log_chain WHERE seq = \(bind: sequence)").first()?
                    .decode(column: "entry_hash", as: String.self)
                guard let leaf = leaf.flatMap(ContentDigest.bytes(hex:)),
                    MerkleTree.verifyInclusion(
                        leaf: leaf, index: Int(sequence), treeSize: Int(checkpoint.treeSize), proof: proof, root: checkpoint.rootHash)
                else { throw BenchmarkError.unexpectedBody }
            }
            print(
                String(
                    format: "Inclusion proof of a random entry against the checkpoint (200 proofs): p50 %.2f ms, p99 %.2f ms",
                    proofs.percentile(50), proofs.percentile(99)))
        }

        var latencies = Latencies()
        let request = UUID()
        for n in 0..<appends {
            let entry = LogEntry(
                sequence: 0, id: UUID().uuidString.lowercased(), at: 1_790_000_000 + Int64(n), user: users[0], organisation: users[1],
                request: request.uuidString.lowercased(), operation: "write", purpose: "step:answer", fields: ["answers"],
                digest: nil, previous: LogEntry.origin)
            let elapsed = try await database.transaction { sql in
                try await sql.insert(into: "access_log")
                    .columns("id", "at", "user_id", "organisation_id", "request_id", "operation", "purpose", "fields")
                    .values(
                        SQLBind(entry.id), SQLBind(entry.at), SQLBind(entry.user), SQLBind(entry.organisation), SQLBind(entry.request),
                        SQLBind(entry.operation), SQLBind(entry.purpose), SQLBind(#"["answers"]"#)
                    ).run()
                let started = ContinuousClock.now
                try await LogChain(sql: sql).enqueue(entry)
                return ContinuousClock.now - started
            }
            latencies.record(elapsed)
        }
        print(
            String(
                format: "Queueing one entry inside a step's transaction (%d appends): p50 %.3f ms, p99 %.3f ms, max %.3f ms", appends,
                latencies.percentile(50), latencies.percentile(99), latencies.maximum))
        let sequencing = ContinuousClock.now
        let chained = try await LogSequencer(database: database).integrate()
        print("Chained the \(chained) queued entries in batches of \(LogSequencer.batchSize) in \(ContinuousClock.now - sequencing)")
        let incremental = ContinuousClock.now
        let next = try await platform.checkpointer.checkpoint(now: Date())
        print(
            "Next checkpoint (\(appends) new entries, from the stored frontier) in \(ContinuousClock.now - incremental): \(next?.treeSize ?? 0) entries"
        )
    }
}
