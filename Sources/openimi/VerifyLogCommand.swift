import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity

/// `openimi verify-log`: re-reads the whole access log and checks its chain, tree and checkpoints.
struct VerifyLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-log",
        abstract: "Verify the access log: every entry's hash chain, the Merkle tree and every checkpoint's signature.",
        discussion: """
            Exits 0 with a one-line summary, or 1 naming the first entry or checkpoint that does not \
            match and why. Reads only; checkpoints are checked with every key in the key directory.
            """)

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let platform = try await Platform.open(config: try common.config())
        let keys = try platform.keys.publicKeys()
        let outcome: Result<LogVerifier.Summary, LogVerificationFailure> = try await platform.run {
            do {
                return .success(try await LogVerifier(database: platform.database, keys: keys).verify())
            } catch let failure as LogVerificationFailure {
                return .failure(failure)
            }
        }
        switch outcome {
        case .success(let summary):
            print(Self.line(summary))
        case .failure(let failure):
            FileHandle.standardError.write(Data("Access log does not verify: \(failure)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func line(_ summary: LogVerifier.Summary) -> String {
        guard let latest = summary.latest else {
            return "Access log verified: \(summary.entries) entries, no checkpoint yet."
        }
        let unsigned = summary.entries - latest.treeSize
        return
            "Access log verified: \(summary.entries) entries, \(summary.checkpoints) checkpoint\(summary.checkpoints == 1 ? "" : "s"); the newest covers "
            + "\(latest.treeSize) entries (root \(ContentDigest.hex(latest.rootHash)), key \(latest.keyID.prefix(16))…)"
            + (unsigned > 0 ? "; \(unsigned) newer entries await the next checkpoint." : ".")
    }
}
