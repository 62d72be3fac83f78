import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// `openimi seed-demo`: load the demo coordinators and authorities, optionally writing a summary file.
struct SeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Load demo coordinators, authorities and users (Denmark, Slovenia, Germany, Greece, Bulgaria).",
        discussion: """
            Safe to run again: existing demo entries are left as they are. With --output, every demo user \
            gets new credentials and FILE receives, for each, the username, password, TOTP secret, \
            organisation, member state and roles (readable by the owner only).
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "Write the demo accounts and entries to this JSON file.")
    var output: String?

    func run() async throws {
        let platform = try await Platform.open(config: try common.config())
        let demo = try DemoData.bundled()
        let refresh = output != nil
        let created = try await platform.run {
            try await platform.prepare()
            return try await demo.load(into: platform, refreshCredentials: refresh)
        }
        print(
            "Demo data loaded: \(created.coordinators) coordinators and \(created.authorities) authorities added; "
                + "\(created.credentials.count) demo users \(refresh ? "with new credentials" : "created"); \(created.requests.count) demo requests."
        )
        if let output {
            try DemoData.write(
                created.credentials, requests: created.requests, alerts: created.alerts, notifications: created.notifications,
                repositoryRecords: created.repositoryRecords, to: URL(fileURLWithPath: output))
            print("Wrote the demo users' sign-in details to \(output)")
        }
    }
}
