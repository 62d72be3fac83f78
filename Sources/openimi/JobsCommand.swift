import ArgumentParser
import OpenIMIApplication

/// `openimi jobs run`: run the scheduled jobs that are due, once.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Scheduled jobs (the server also runs them every minute).", subcommands: [Run.self])

    /// `openimi jobs run`.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the due jobs once (suspending dormant accounts); safe while servers run them too.")

        @OptionGroup var common: CommonOptions

        @Flag(help: "Run every job now, even if it ran recently.")
        var force = false

        func run() async throws {
            let platform = try await Platform.open(config: try common.config())
            let force = self.force
            let ran = try await platform.run {
                try await platform.prepare()
                return try await platform.jobs.runDue(now: platform.clock.now(), force: force)
            }
            if ran.isEmpty { print("No job was due.") }
            for (job, summary) in ran { print("\(job): \(summary)") }
        }
    }
}
