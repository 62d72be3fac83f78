import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// `openimi benchmark`: timings a person can rerun, on throw-away databases.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time directory searches or request handling on synthetic data in a throw-away database.",
        subcommands: [
            DirectoryBenchmarkCommand.self, RequestBenchmarkCommand.self, CycleBenchmarkCommand.self, AlertBenchmarkCommand.self,
            LogBenchmarkCommand.self,
        ],
        defaultSubcommand: DirectoryBenchmarkCommand.self)
}

/// `openimi benchmark directory`: load a synthetic directory into a throw-away database and time searches.
struct DirectoryBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Time directory searches on a synthetic directory in a throw-away database.",
        discussion: """
            Uses a new SQLite file in the temporary folder, or, with --database-url postgres://…, a new \
            schema in that database (dropped afterwards). Prints load time, search latencies and the query plan.
            """)

    @Option(name: .customLong("database-url"), help: "postgres://… to benchmark PostgreSQL; SQLite otherwise.")
    var databaseURL: String?

    @Option(help: "Number of authorities to generate.")
    var authorities = 15_000

    @Option(help: "Searches per query kind.")
    var repetitions = 200

    func run() async throws {
        let (authorities, repetitions) = (self.authorities, self.repetitions)
        try await ThrowawayDatabase.run(databaseURL: databaseURL) { platform in
            try await DirectoryBenchmark(platform: platform, authorities: authorities, repetitions: repetitions).run()
        }
    }
}

/// The directory benchmark proper.
struct DirectoryBenchmark {
    let platform: Platform
    let authorities: Int
    let repetitions: Int

    func run() async throws {
        let database = platform.database
        let nimic = Coordinator(
            id: CoordinatorID(UUID()), memberState: MemberStateCode(rawValue: "DK")!, scope: .national,
            name: LocalizedText([.en: "Benchmark NIMIC"]),
            address: PostalAddress(street: "-", postcode: "-", city: "-"), contact: Contact(email: "bench@example.org"), appointedBy: nil)
        try await CoordinatorRegistry(database: database).registerNational(nimic, now: Date())
        let areas = try await RegistryRepository(sql: database.sql).legalAreaCodes().sorted()
        let generated = SyntheticDirectory.authorities(count: authorities, legalAreas: areas, registrar: nimic.id.uuid)
        let loadStart = ContinuousClock.now
        try await database.transaction { sql in try await AuthorityRepository(sql: sql).insert(batch: generated, now: Date()) }
        try await database.transaction { sql in try await AuthorityRepository(sql: sql).analyze() }
        let repository = AuthorityRepository(sql: database.sql)
        print("Loaded \(authorities) authorities into \(database.kind.rawValue) in \(ContinuousClock.now - loadStart)")

        let queries: [(String, DirectoryQuery)] = [
            ("rare name word (laegeforening)", try DirectoryQuery(name: "laegeforening")),
            ("whole name, Cyrillic", try DirectoryQuery(name: generated[4].name.text(in: .bg))),
            ("common word (ministry), page 3", try DirectoryQuery(name: "ministry", page: 3)),
            ("state + legal area", try DirectoryQuery(memberState: MemberStateCode(rawValue: "SI"), legalArea: areas[0])),
            ("keyword", try DirectoryQuery(keyword: "competence 7")),
            ("browse, page 50", try DirectoryQuery(page: 50)),
        ]
        print("query | matches | p50 ms | p95 ms | max ms")
        for (label, query) in queries {
            var latencies = Latencies()
            var total = 0
            for _ in 0..<repetitions {
                total = try await latencies.time { try await repository.search(query).total }
            }
            print(
                String(
                    format: "%@ | %d | %.2f | %.2f | %.2f", label, total, latencies.percentile(50), latencies.percentile(95),
                    latencies.maximum))
        }
        print("Plan of the rare-name search:")
        for line in try await repository.searchPlan(queries[0].1, kind: database.kind) { print("  \(line)") }
    }
}
