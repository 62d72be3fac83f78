import ArgumentParser
import Foundation
import OpenIMISecurity
import X509

/// `openimi verify-report FILE --trust CERT.pem`: checks an exchange's signed evidence offline.
struct VerifyReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-report",
        abstract: "Verify an exchange's signed evidence offline: certificate, signature, log inclusion proofs and content hashes.",
        discussion: """
            FILE is the evidence downloaded from a request (GET /api/v1/requests/{id}/evidence, a JWS). \
            CERT.pem is the platform certificate you trust (`openimi keys export` on the platform) or the \
            authority that issued it. Needs neither the platform nor its database. Exits 0 with a \
            summary, or 1 with the reason.
            """)

    @Argument(help: "The evidence file.")
    var file: String

    @Option(help: "The trusted certificate (PEM).")
    var trust: String

    func run() async throws {
        let trusted: Certificate
        do {
            trusted = try Certificate(pemEncoded: try String(contentsOfFile: trust, encoding: .utf8))
        } catch {
            throw ValidationError("\(trust) is not a PEM certificate: \(error)")
        }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("\(file) cannot be read: \(error)")
        }
        do {
            let summary = try ExchangeEvidenceVerifier(trusted: trusted).verify(text)
            print(
                "Report verified: request \(summary.request), \(summary.entries) log entries proved against the checkpoint of "
                    + "\(summary.treeSize) entries, signed by key \(summary.keyID.prefix(16))…")
        } catch {
            FileHandle.standardError.write(Data("Report does not verify: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
