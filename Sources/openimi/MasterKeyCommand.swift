import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity

/// `openimi master-key`: the key that wraps every request's data key.
struct MasterKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "master-key",
        abstract: "Rotate the master key that wraps the requests' data keys (the data are not re-encrypted).",
        discussion: """
            With the key in a file (OPENIMI_MASTER_KEY_FILE, default openimi-data/openimi-master.key), `rotate` \
            writes a new key to FILE.next, re-wraps every data key with it and then replaces FILE; \
            run it again to finish an interrupted rotation. With the key in the environment, set \
            OPENIMI_MASTER_KEY to the new key and OPENIMI_MASTER_KEY_PREVIOUS to the old one and run \
            `rewrap`. Stop the server first; start it again afterwards.
            """,
        subcommands: [Rotate.self, Rewrap.self])

    /// `openimi master-key rotate`.
    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the master key in its file and re-wrap every data key.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let config = try common.config()
            guard config.masterKey == nil else {
                throw ValidationError(
                    "The master key comes from OPENIMI_MASTER_KEY: set it to a new key, OPENIMI_MASTER_KEY_PREVIOUS to the old one, and run `openimi master-key rewrap`."
                )
            }
            let platform = try await Platform.open(config: config)
            let outcome = try await platform.run {
                try await platform.prepare()
                return try await MasterKeyRotation(database: platform.database, ring: platform.requests.keys).rotate(
                    file: URL(fileURLWithPath: config.masterKeyFile), random: SystemSecureRandom())
            }
            print("Master key \(outcome.masterKeyID) in use; \(outcome.rewrapped) data keys re-wrapped.")
        }
    }

    /// `openimi master-key rewrap`.
    struct Rewrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-wrap every data key with the current master key.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let platform = try await Platform.open(config: try common.config())
            let outcome = try await platform.run {
                try await platform.prepare()
                return try await MasterKeyRotation(database: platform.database, ring: platform.requests.keys).rewrapAll()
            }
            print("Master key \(outcome.masterKeyID) in use; \(outcome.rewrapped) data keys re-wrapped.")
        }
    }
}
