import ArgumentParser
import Foundation
import OpenIMIDomain
import OpenIMIWeb

/// `openimi seed-demo`: load the demo coordinators and authorities, optionally writing a summary file.
struct SeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Load demo coordinators and authorities (Denmark, Slovenia, Germany, Greece, Bulgaria).",
        discussion: "Safe to run again: existing demo entries are left as they are.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Write the demo accounts and entries to this JSON file.")
    var output: String?

    func run() async throws {
        let platform = try await Platform.open(config: try common.config())
        let demo = try DemoData.bundled()
        let created = try await platform.run {
            try await platform.prepare()
            return try await demo.load(into: platform)
        }
        print("Demo data loaded: \(created.coordinators) coordinators and \(created.authorities) authorities added.")
        if let output {
            try DemoSummary(demo).write(to: URL(fileURLWithPath: output))
            print("Wrote \(output)")
        }
    }
}

/// What `seed-demo --output` writes: the demo entries, and the demo users once sign-in exists.
struct DemoSummary: Encodable {
    struct Entry: Encodable {
        let id: String
        let memberState: String
        let name: String
        let kind: String
    }

    let users: [String]
    let coordinators: [Entry]
    let authorities: [Entry]

    init(_ demo: DemoData) {
        users = []
        coordinators = demo.coordinators.map {
            Entry(
                id: $0.id.uuidString.lowercased(), memberState: $0.memberState.rawValue, name: $0.name.text(in: .en),
                kind: $0.scope.kind.rawValue)
        }
        authorities = demo.authorities.map {
            Entry(
                id: $0.id.uuidString.lowercased(), memberState: $0.memberState.rawValue, name: $0.name.text(in: .en),
                kind: $0.status.rawValue)
        }
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
