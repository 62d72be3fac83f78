import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import Testing
import X509

@testable import OpenIMIWeb

/// The signed JSON evidence of an exchange: issued to involved users only, verifiable offline, and
/// refused by the verifier when anything in it changes.
@Suite struct EvidenceAPITests {
    @Test func downloadsWithinAMinuteReuseTheCheckpointUnlessTheRequestChanged() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let id = try await TestApp.closedDemoRequest(client, dk)
            let count = {
                try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM log_checkpoint").first()?.decode(column: "n", as: Int.self)
                    ?? -1
            }
            #expect(try await client.api(.get, "/api/v1/requests/\(id)/evidence", dk).status == .ok)
            let afterFirst = try await count()
            for _ in 0..<5 { #expect(try await client.api(.get, "/api/v1/requests/\(id)/evidence", dk).status == .ok) }
            #expect(try await count() == afterFirst, "five more downloads within the minute sign no checkpoint")
            clock.advance(by: Double(LogCheckpointer.reuseAge) + 1)
            let later = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            #expect(try await client.api(.get, "/api/v1/requests/\(id)/evidence", later).status == .ok)
            #expect(try await count() == afterFirst + 1, "an older checkpoint is not reused")
        }
    }

    @Test func involvedAuthoritiesGetEvidenceThatVerifiesAndBreaksWhenChanged() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let outsider = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(14 * 86_400))
            let created = try await client.api(
                .post, "/api/v1/requests", dk,
                #"{"procedure":"pq-information-request","responderId":"\#(zbornica)","subject":{"kind":"person","givenNames":"Mette","familyNames":"Kjær","dateOfBirth":"1979-11-03","nationalities":["DK"]},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
            )
            let id = try #require(try created.json()["id"] as? String)
            let attached = try await client.execute(
                uri: "/api/v1/requests/\(id)/attachments?name=diploma.pdf", method: .post, headers: [.authorization: "Bearer \(dk)"],
                body: ByteBuffer(string: "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"))
            #expect(attached.status == .created)
            var version = try #require(try await client.api(.get, "/api/v1/requests/\(id)", dk).json()["version"] as? Int)
            for (token, action) in [(dk, "send"), (si, "accept")] {
                let stepped = try await client.api(
                    .post, "/api/v1/requests/\(id)/steps", token, #"{"action":"\#(action)","version":\#(version)}"#)
                version = try #require(try stepped.json()["version"] as? Int)
            }

            let response = try await client.api(.get, "/api/v1/requests/\(id)/evidence", si)
            #expect(response.status == .ok && response.headers[.contentType] == "application/jose")
            let jws = response.text
            #expect(try await client.api(.get, "/api/v1/requests/\(id)/evidence", outsider).status == .notFound)

            let identity = try platform.keys.current()
            let verifier = ExchangeEvidenceVerifier(trusted: identity.certificate)
            let summary = try verifier.verify(jws)
            #expect(summary.request == id && summary.keyID == identity.keyID)
            #expect(summary.entries >= 5, "draft, attachment, reads, steps and this download")
            let parsed = try #require(CompactJWS(serialized: jws))
            let payload = String(decoding: parsed.payload, as: UTF8.self)
            #expect(!payload.contains("Kjær") && !payload.contains("Mette") && !payload.contains("1979-11-03"), "no personal data")
            #expect(payload.contains("api:get-evidence"), "the download itself is proved")

            // Another certificate is not trusted.
            let stranger = try SigningIdentity.create(subject: try SigningIdentity.subject(organisation: "Elsewhere"), now: Date())
            #expect(throws: EvidenceVerificationFailure.untrustedCertificate) {
                try ExchangeEvidenceVerifier(trusted: stranger.certificate).verify(jws)
            }
            // One changed byte of the payload breaks the signature.
            var bytes = parsed.payload
            bytes[bytes.count / 2] ^= 0x01
            #expect(throws: EvidenceVerificationFailure.signatureInvalid) {
                try verifier.verify(CompactJWS(header: parsed.header, payload: bytes, signature: parsed.signature).serialized)
            }
            // Re-signed with the platform key after changing a log entry: the proof no longer leads to the checkpoint.
            let forged = payload.replacingOccurrences(of: "\"purpose\":\"step:send\"", with: "\"purpose\":\"step:sent\"")
            #expect(forged != payload)
            let resigned = try CompactJWS.sign(payload: Array(forged.utf8), type: ExchangeEvidence.type, with: identity)
            #expect {
                try verifier.verify(resigned.serialized)
            } throws: {
                if case .inclusionProofInvalid = $0 as? EvidenceVerificationFailure { true } else { false }
            }
            // Re-signed with another attachment hash: the content no longer matches the log.
            let digest = try #require(payload.range(of: #""sha256":"[0-9a-f]{64}""#, options: .regularExpression))
            let swapped = payload.replacingCharacters(in: digest, with: "\"sha256\":\"\(String(repeating: "0", count: 64))\"")
            let resignedContent = try CompactJWS.sign(payload: Array(swapped.utf8), type: ExchangeEvidence.type, with: identity)
            #expect {
                try verifier.verify(resignedContent.serialized)
            } throws: {
                if case .contentHashMismatch = $0 as? EvidenceVerificationFailure { true } else { false }
            }
        }
    }
}
