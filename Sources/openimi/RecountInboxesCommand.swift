import ArgumentParser
import OpenIMIApplication
import OpenIMIPersistence

/// `openimi recount-inboxes`: counts the inbox tally afresh from the requests.
struct RecountInboxesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recount-inboxes",
        abstract: "Count the inboxes' tally afresh from the requests.",
        discussion: """
            Triggers keep the tally with every change of a request; only requests changed with \
            triggers disabled (a restore with --disable-triggers, hand-made SQL) call for this. \
            Safe beside running servers: on PostgreSQL, writes to requests wait until it ends.
            """)

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let platform = try await Platform.open(config: try common.config())
        try await platform.run {
            try await platform.prepare()
            try await platform.database.transaction { try await InboxTally(sql: $0).recount() }
        }
        print("Inbox tally counted afresh from the requests.")
    }
}
