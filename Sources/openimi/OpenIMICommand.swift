import ArgumentParser
import OpenIMIApplication

/// The `openimi` command: serve the platform and run its maintenance tasks.
@main
struct OpenIMICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openimi",
        abstract: "OpenIMI: administrative cooperation between the public authorities of the EEA.",
        discussion: """
            Settings come from flags, then environment variables, then defaults. The database is \
            openimi-data/openimi.sqlite in the working directory unless DATABASE_URL (or --database-url) names \
            another: sqlite:PATH or postgres://user:password@host:port/database.
            """,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedDemoCommand.self, JobsCommand.self, KeysCommand.self, CheckpointCommand.self,
            MasterKeyCommand.self, RetentionCommand.self, RecountInboxesCommand.self, VerifyLogCommand.self, VerifyReportCommand.self,
            WitnessCommand.self,
            BenchmarkCommand.self,
        ],
        defaultSubcommand: nil)
}
