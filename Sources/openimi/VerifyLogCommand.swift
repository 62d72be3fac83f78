import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity

/// `openimi verify-log`: re-reads the whole access log and checks its chain, tree and checkpoints,
/// those held outside the database included.
struct VerifyLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-log",
        abstract:
            "Verify the access log: every entry's hash chain, the Merkle tree, every checkpoint's signature, and that the log extends every checkpoint held elsewhere.",
        discussion: """
            Exits 0 with a one-line summary, or 1 naming the first entry or checkpoint that does not \
            match and why. Reads only. Checkpoints are checked with every key in the key directory; the \
            platform's checkpoint file (OPENIMI_CHECKPOINT_DIRECTORY) is always read, and --checkpoint \
            adds checkpoints kept elsewhere: a checkpoint file, an evidence file (JWS) or a report (PDF). \
            Entries older than a minute that no checkpoint covers are refused. With --witness and \
            --quorum, every trusted witness's cosignature must verify and at least one checkpoint must \
            carry the quorum.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "A checkpoint held outside the database: a checkpoint file, an evidence file (JWS) or a report (PDF). Repeatable.")
    var checkpoint: [String] = []

    @Option(help: "A witness's verifier key (type 0x04) whose cosignatures are checked. Repeatable.")
    var witness: [String] = []

    @Option(help: "How many of the --witness keys must have cosigned a checkpoint.")
    var quorum = 0

    func run() async throws {
        let policy: WitnessQuorum
        do {
            policy = try WitnessQuorum(witnesses: try witness.map { try NoteVerifier(vkey: $0) }, quorum: quorum)
        } catch {
            throw ValidationError("--witness/--quorum: \(error)")
        }
        let config = try common.config()
        let platform = try await Platform.open(config: config)
        let identities = try platform.keys.identities()
        var held: [ExternalCheckpoint] = []
        let file = CheckpointFile(directory: URL(fileURLWithPath: config.resolvedCheckpointDirectory))
        for (index, note) in try file.notes().enumerated() {
            held.append(try ExternalCheckpoint(source: "\(file.url.path) #\(index + 1)", note: note))
        }
        for path in checkpoint { held += try await Self.checkpoints(in: path, identities: identities) }
        var verifier = LogVerifier(database: platform.database, identities: identities)
        verifier.external = held
        verifier.witnesses = policy
        verifier.interval = LogCheckpointer.reuseAge
        let chosen = verifier
        let outcome: Result<LogVerifier.Summary, LogVerificationFailure> = try await platform.run {
            do {
                return .success(try await chosen.verify())
            } catch let failure as LogVerificationFailure {
                return .failure(failure)
            }
        }
        switch outcome {
        case .success(let summary):
            print(Self.line(summary, quorum: quorum))
        case .failure(let failure):
            FileHandle.standardError.write(Data("Access log does not verify: \(failure)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The checkpoints in the file at `path`: an evidence file's or report's, or a checkpoint file's.
    static func checkpoints(in path: String, identities: [SigningIdentity]) async throws -> [ExternalCheckpoint] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path) cannot be read") }
        var bytes = [UInt8](data)
        if bytes.starts(with: Array("%PDF-".utf8)) {
            var embedded: [UInt8]?
            for identity in identities where embedded == nil {
                embedded = try? await PDFSignatureVerifier(trusted: identity.certificate).verifiedEmbeddedFile(
                    in: bytes, mediaType: "application/jose")
            }
            guard let embedded else { throw ValidationError("\(path): not a report signed with one of the platform's keys") }
            bytes = embedded
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let evidence = ExchangeEvidenceVerifier.heldCheckpoint(in: text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return [try ExternalCheckpoint(source: path, note: evidence.note, entries: evidence.entries)]
        }
        do {
            let notes = try CheckpointFile.notes(in: text)
            return try notes.enumerated().map { try ExternalCheckpoint(source: notes.count == 1 ? path : "\(path) #\($0 + 1)", note: $1) }
        } catch {
            throw ValidationError("\(path) is neither a checkpoint file nor an evidence file or report: \(error)")
        }
    }

    static func line(_ summary: LogVerifier.Summary, quorum: Int = 0) -> String {
        guard let latest = summary.latest else {
            return "Access log verified: \(summary.entries) entries (\(summary.queued) queued), no checkpoint yet."
        }
        let unsigned = summary.entries - latest.treeSize
        var line =
            "Access log verified: \(summary.entries) entries, \(summary.checkpoints) checkpoint\(summary.checkpoints == 1 ? "" : "s"); the newest covers "
            + "\(latest.treeSize) entries (root \(ContentDigest.hex(latest.rootHash)), key \(latest.keyID.prefix(16))…)"
            + (unsigned > 0 ? "; \(unsigned) newer entries await the next checkpoint." : ".")
        if summary.queued > 0 { line += " \(summary.queued) entries wait in the queue for their place in the chain." }
        if summary.external > 0 { line += " It extends all \(summary.external) checkpoints held outside the database." }
        if let witnessed = summary.witnessed {
            line += " The newest checkpoint with \(quorum) witness cosignatures covers \(witnessed.treeSize) entries."
        }
        return line
    }
}
