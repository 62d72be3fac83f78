import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIPDF
import OpenIMISecurity
import X509

/// `openimi verify-report FILE --trust CERT.pem`: checks an exchange's report or evidence offline.
struct VerifyReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-report",
        abstract:
            "Verify an exchange's signed report (PDF) or evidence (JWS) offline: certificate, signature, log inclusion proofs and content hashes.",
        discussion: """
            FILE is the report downloaded from a request (GET /api/v1/requests/{id}/report, a signed PDF) or its \
            evidence (GET /api/v1/requests/{id}/evidence, a JWS). For a PDF, the signature must cover the whole \
            file and be made with the trusted certificate; the evidence embedded in it is then checked like a JWS. \
            CERT.pem is the platform certificate you trust (`openimi keys export` on the platform) or the \
            authority that issued it; the signing certificate's key usage must allow digital signatures. \
            When CERT.pem is an authority that certifies many organisations, --signer names the one you \
            expect (an organisation name or the whole subject), so that a report signed by another of its \
            certificates is refused. --witness names a witness whose cosignature on the log checkpoint \
            must verify when present, and --quorum how many of them must have cosigned. Needs neither the \
            platform nor its database. Exits 0 with a summary naming the signer, or 1 with the reason.
            """)

    @Argument(help: "The report (PDF) or evidence (JWS) file.")
    var file: String

    @Option(help: "The trusted certificate (PEM).")
    var trust: String

    @Option(help: "The organisation (O=) or whole subject (e.g. \"CN=OpenIMI,O=OpenIMI\") the signing certificate must name.")
    var signer: String?

    @Option(help: "A witness's verifier key (type 0x04) whose cosignature is checked. Repeatable.")
    var witness: [String] = []

    @Option(help: "How many of the --witness keys must have cosigned the checkpoint.")
    var quorum = 0

    func run() async throws {
        let policy: WitnessQuorum
        do {
            policy = try WitnessQuorum(witnesses: try witness.map { try NoteVerifier(vkey: $0) }, quorum: quorum)
        } catch {
            throw ValidationError("--witness/--quorum: \(error)")
        }
        let trusted: Certificate
        do {
            trusted = try Certificate(pemEncoded: try String(contentsOfFile: trust, encoding: .utf8))
        } catch {
            throw ValidationError("\(trust) is not a PEM certificate: \(error)")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file) cannot be read") }
        let bytes = [UInt8](data)
        do {
            var evidence = bytes
            var kind = "Evidence"
            if bytes.starts(with: Array("%PDF-".utf8)) {
                evidence = try await PDFSignatureVerifier(trusted: trusted).verifiedEmbeddedFile(in: bytes, mediaType: "application/jose")
                kind = "Report (PDF signature valid over the whole file)"
            }
            var pdfSigner: Certificate?
            if bytes.starts(with: Array("%PDF-".utf8)) { pdfSigner = try await PDFSignatureVerifier(trusted: trusted).verify(bytes) }
            let summary = try ExchangeEvidenceVerifier(trusted: trusted, witnesses: policy).verify(
                String(decoding: evidence, as: UTF8.self))
            for certificate in [pdfSigner, summary.signer].compactMap({ $0 }) {
                if let signer, !certificate.names(signer: signer) {
                    throw SignerMismatch(expected: signer, found: String(describing: certificate.subject))
                }
            }
            print(
                "\(kind) verified: \(summary.kind) \(summary.request), \(summary.entries) log entries proved against the checkpoint of "
                    + "\(summary.treeSize) entries, signed by \(summary.signer.subject) (key \(summary.keyID.prefix(16))…)"
                    + (summary.witnessedBy.isEmpty ? "" : "; cosigned by witnesses \(summary.witnessedBy.joined(separator: ", "))"))
        } catch {
            FileHandle.standardError.write(Data("Report does not verify: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
