import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import Testing

@testable import OpenIMIPDF
@testable import OpenIMIWeb

/// The verifiers meet changed copies of a real exchange's evidence and report: every header and signature byte
/// of the evidence changed in turn (every 64th of its payload), the report's structure bytes and
/// hundreds of random changes across it, and byte ranges with numbers far past the file. Each copy is refused with a
/// reason, or what it proves is byte-identical to the original's; nothing crashes.
@Suite struct VerifierFuzzTests {
    @Test func changedCopiesOfEvidenceAndReportAreRefusedOrMeanTheSame() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let id = try await TestApp.closedDemoRequest(client, dk)
            let evidence = try await client.api(.get, "/api/v1/requests/\(id)/evidence", dk).text
            let report = [UInt8](buffer: try await client.api(.get, "/api/v1/requests/\(id)/report", dk).body)
            let certificate = try platform.keys.current().certificate
            try Self.fuzzEvidence(evidence, verifier: ExchangeEvidenceVerifier(trusted: certificate))
            try await Self.fuzzReport(report, verifier: PDFSignatureVerifier(trusted: certificate))
        }
    }

    static func fuzzEvidence(_ original: String, verifier: ExchangeEvidenceVerifier) throws {
        _ = try verifier.verify(original)
        let parts = try #require(CompactJWS(serialized: original))
        let bytes = Array(original.utf8)
        var accepted = 0
        // Every byte of the header (with its certificate) and of the signature, and every 64th of the
        // payload, whose bytes are all under the one signature and so stand for one another.
        let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
        let positions = bytes.indices.filter { $0 < dots[0] || $0 > dots[1] || $0 % 64 == 0 }
        for index in positions {
            for change: UInt8 in [0x01] {
                var copy = bytes
                copy[index] ^= change
                let text = String(decoding: copy, as: UTF8.self)
                guard (try? verifier.verify(text)) != nil else { continue }
                accepted += 1
                let mutated = try #require(CompactJWS(serialized: text))
                #expect(
                    mutated.header == parts.header && mutated.payload == parts.payload && mutated.signature == parts.signature,
                    "byte \(index) ^ \(change) was accepted with another meaning")
            }
        }
        // Base64url is read in its canonical form only, so no changed character keeps the meaning.
        #expect(accepted == 0, "\(accepted) changed copies of the evidence were accepted")
    }

    static func fuzzReport(_ original: [UInt8], verifier: PDFSignatureVerifier) async throws {
        _ = try await verifier.verify(original)
        let meaning = try PDFSignatureVerifier.signedParts(of: original)
        func check(_ copy: [UInt8], _ what: @autoclosure () -> String) async throws {
            guard (try? await verifier.verify(copy)) != nil else { return }
            let parts = try PDFSignatureVerifier.signedParts(of: copy)
            #expect(parts.signed == meaning.signed && parts.signature == meaning.signature, "\(what()) was accepted with another meaning")
        }
        // The structure the verifier reads: the first and last kilobytes and the signature dictionary.
        let marker = try #require(PDFScanner(original).lastOccurrence(of: "/ByteRange ["))
        let structure =
            Array(original.indices.prefix(256)) + Array(original.indices.suffix(256))
            + Array(max(0, marker - 128)..<min(original.count, marker + 256))
        for index in Set(structure) {
            var copy = original
            copy[index] ^= 0x01
            try await check(copy, "byte \(index) ^ 1")
        }
        var random = SyntheticRequests.SplitMix(seed: 0x0E1_0A1)
        for round in 0..<400 {
            var copy = original
            switch round % 4 {
            case 0: copy[Int.random(in: copy.indices, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 1: copy.removeLast(Int.random(in: 1...64, using: &random))
            case 2: copy.insert(UInt8.random(in: 0...255, using: &random), at: Int.random(in: copy.indices, using: &random))
            default:
                for _ in 0..<8 { copy[Int.random(in: copy.indices, using: &random)] ^= UInt8.random(in: 1...255, using: &random) }
            }
            try await check(copy, "random change \(round)")
        }
        // Byte ranges with numbers past the file, past Int, negative or missing: refused, never a trap.
        let close = try #require(original[marker...].firstIndex(of: UInt8(ascii: "]")))
        for numbers in [
            "0 9223372036854775807 9223372036854775807 9223372036854775807", "0 1 2 9223372036854775807",
            "0 10 20 99999999999999999999999", "0 -1 -2 -3", "0 1 2", "0 1 2 3 4", "x y z w", "",
        ] {
            var copy = Array(original[..<(marker + "/ByteRange [".utf8.count)])
            copy += Array(numbers.utf8)
            copy += Array(original[close...])
            await #expect(throws: PDFSignatureFailure.self, "\(numbers)") { try await verifier.verify(copy) }
        }
    }
}
