import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMIWeb

/// `openimi witness`: runs an independent witness of OpenIMI access logs (c2sp.org/tlog-witness).
struct WitnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a witness that cosigns an OpenIMI platform's access-log checkpoints only when they extend what it cosigned before.",
        discussion: """
            The witness keeps its own Ed25519 key (DIRECTORY/witness.key, created owner-only on first start) and \
            its own state (DIRECTORY/witness.sqlite): for each log, the latest checkpoint it cosigned, and every \
            fork or inconsistent proof it was shown. --log names each log it witnesses by its verifier key, as \
            `openimi keys log-key` prints it on the platform. It prints its own verifier key at start (and with \
            --print-key): give that to the platform's OPENIMI_WITNESSES with the witness's address.
            """)

    @Option(help: "The witness's directory: its key and its state.")
    var directory: String

    @Option(help: "The witness's name, a schema-less URL such as dk.example.eu/openimi-witness.")
    var name: String

    @Option(help: "A log to witness: its verifier key (`openimi keys log-key` on the platform). Repeat for several logs or keys.")
    var log: [String] = []

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8090

    @Flag(help: "Print the witness's verifier key and exit.")
    var printKey = false

    func run() async throws {
        let folder = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let signer = try NoteKeyFile(url: folder.appendingPathComponent("witness.key")).loadOrCreate(name: name)
        if printKey {
            print(signer.verifier.vkey)
            return
        }
        let logs: [NoteVerifier]
        do {
            logs = try log.map { try NoteVerifier(vkey: $0) }
        } catch {
            throw ValidationError("--log: \(error)")
        }
        guard !logs.isEmpty, logs.allSatisfy({ $0.type == .ed25519 }) else {
            throw ValidationError("--log must name at least one log key of type 0x01 (`openimi keys log-key` on the platform)")
        }
        var logger = Logger(label: "openimi-witness")
        logger.logLevel = .notice
        let database = try await DatabaseLocation.sqlite(path: folder.appendingPathComponent("witness.sqlite").path).open(logger: logger)
        let witness = Witness(database: database, signer: signer, logs: logs, logger: logger)
        let app = buildWitnessApplication(witness: witness, hostname: hostname, port: port, logger: logger)
        FileHandle.standardOutput.write(
            Data("OpenIMI witness \(name) on http://\(hostname):\(port)/ — verifier key \(signer.verifier.vkey)\n".utf8))
        try await app.runService()
    }
}
