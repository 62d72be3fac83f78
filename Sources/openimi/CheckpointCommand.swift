import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity

/// `openimi checkpoint`: signs a checkpoint of the access log now.
struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign a checkpoint of the access log now (the server signs one every minute while entries arrive, and at shutdown).")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let platform = try await Platform.open(config: try common.config())
        let checkpoint = try await platform.run {
            try await platform.prepare()
            return try await platform.checkpointer.checkpoint(now: platform.clock.now(), force: true)
        }
        guard let checkpoint else { return }
        print("Checkpoint: \(checkpoint.treeSize) entries, root \(ContentDigest.hex(checkpoint.rootHash)), key \(checkpoint.keyID)")
    }
}
