import ArgumentParser
import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMIWeb

/// `openimi benchmark directory`: load a synthetic directory into a throw-away database and time searches.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
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
        let schema = "bench_\(UInt32.random(in: 0...UInt32.max))"
        let location: DatabaseLocation
        if let databaseURL, case .postgres(var address) = try DatabaseLocation(url: databaseURL) {
            address.schema = schema
            location = .postgres(address)
        } else {
            location = .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("\(schema).sqlite").path)
        }
        let platform = try await Platform.open(config: AppConfig(database: location, logLevel: .warning))
        let (authorities, repetitions) = (self.authorities, self.repetitions)
        try await platform.run {
            try await platform.prepare()
            try await DirectoryBenchmark(platform: platform, authorities: authorities, repetitions: repetitions).run()
            if case .postgres = location {
                try await platform.database.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
            }
        }
        if case .sqlite(let path) = location {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
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
            id: UUID(), memberState: MemberStateCode(rawValue: "DK")!, scope: .national, name: LocalizedText([.en: "Benchmark NIMIC"]),
            address: PostalAddress(street: "-", postcode: "-", city: "-"), contact: Contact(email: "bench@example.org"), appointedBy: nil)
        try await CoordinatorRegistry(database: database).registerNational(nimic, now: Date())
        let areas = try await RegistryRepository(sql: database.sql).legalAreaCodes().sorted()
        let generated = SyntheticDirectory.authorities(count: authorities, legalAreas: areas, registrar: nimic.id)
        let loadStart = ContinuousClock.now
        try await database.transaction { sql in try await AuthorityRepository(sql: sql).insert(batch: generated, now: Date()) }
        let repository = AuthorityRepository(sql: database.sql)
        try await repository.analyze()
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
            var durations: [Double] = []
            var total = 0
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                total = try await repository.search(query).total
                let elapsed = ContinuousClock.now - start
                durations.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            durations.sort()
            let p50 = durations[durations.count / 2], p95 = durations[Int(Double(durations.count) * 0.95)], max = durations.last ?? 0
            print(String(format: "%@ | %d | %.2f | %.2f | %.2f", label, total, p50, p95, max))
        }
        print("Plan of the rare-name search:")
        for line in try await repository.searchPlan(queries[0].1, kind: database.kind) { print("  \(line)") }
    }
}
