import ArgumentParser
import OpenIMIApplication
import OpenIMIPersistence

/// `openimi migrate`: apply pending migrations and load the reference data, then exit.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations and load the reference data.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let platform = try await Platform.open(config: try common.config())
        try await platform.run {
            try await platform.prepare()
            let pending = try await Migrator(database: platform.database).pendingVersions()
            print("Database \(platform.config.database) is at version \(Migrations.all.map(\.version).max() ?? 0); pending: \(pending)")
        }
    }
}
