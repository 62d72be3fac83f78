import Crypto
import Foundation
import OpenIMIPDF
import OpenIMISecurity
import SwiftASN1
import Testing
import X509

/// Trusting a certificate authority is not trusting everything it issued: the signing certificate
/// must allow digital signatures on both the PDF and the JWS path, and the verifier can require the
/// organisation or subject it expects.
@Suite struct SignerIdentityTests {
    static let now = Date()

    /// A certificate authority and a leaf it issued for `organisation` with `usage`.
    static func issued(organisation: String, usage: KeyUsage, by authority: SigningIdentity) throws -> SigningIdentity {
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            CommonName("OpenIMI")
            OrganizationName(organisation)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: Array(SystemSecureRandom().bytes(16)).map { $0 & 0x7F }),
            publicKey: Certificate.PublicKey(key.publicKey), notValidBefore: now.addingTimeInterval(-300),
            notValidAfter: now.addingTimeInterval(86_400), issuer: authority.certificate.subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(usage)
            },
            issuerPrivateKey: Certificate.PrivateKey(authority.privateKey))
        return try SigningIdentity(privateKey: key, certificate: certificate)
    }

    static func authority() throws -> SigningIdentity {
        try SigningIdentity.create(subject: try SigningIdentity.subject(organisation: "Test authority"), now: now)
    }

    @Test func aCertificateThatMayNotSignIsRefusedOnTheJWSPath() throws {
        let authority = try Self.authority()
        let keyAgreement = try Self.issued(organisation: "OpenIMI", usage: KeyUsage(keyAgreement: true), by: authority)
        let jws = try CompactJWS.sign(payload: Array("{}".utf8), type: "openimi-evidence+jws", with: keyAgreement)
        #expect(throws: EvidenceVerificationFailure.certificateMayNotSign) {
            try ExchangeEvidenceVerifier(trusted: authority.certificate).verify(jws.serialized)
        }
        #expect(!keyAgreement.certificate.allowsDigitalSignatures)
        let signing = try Self.issued(organisation: "OpenIMI", usage: KeyUsage(digitalSignature: true), by: authority)
        #expect(signing.certificate.allowsDigitalSignatures)
    }

    @Test func aCertificateThatMayNotSignIsRefusedOnThePDFPath() async throws {
        let authority = try Self.authority()
        let keyAgreement = try Self.issued(organisation: "OpenIMI", usage: KeyUsage(keyAgreement: true), by: authority)
        let pdf = try PDFSigningTests.signed(try PDFSigningTests.document(), by: keyAgreement)
        await #expect(throws: PDFSignatureFailure.self) { try await PDFSignatureVerifier(trusted: authority.certificate).verify(pdf) }
        let signing = try Self.issued(organisation: "OpenIMI", usage: KeyUsage(digitalSignature: true), by: authority)
        let good = try PDFSigningTests.signed(try PDFSigningTests.document(), by: signing)
        let signer = try await PDFSignatureVerifier(trusted: authority.certificate).verify(good)
        #expect(signer == signing.certificate)
    }

    @Test func theSignerIsNamedByOrganisationOrWholeSubject() throws {
        let authority = try Self.authority()
        let other = try Self.issued(organisation: "Another agency", usage: KeyUsage(digitalSignature: true), by: authority)
        #expect(other.certificate.subjectOrganisations == ["Another agency"])
        #expect(other.certificate.names(signer: "Another agency"))
        #expect(!other.certificate.names(signer: "OpenIMI") && !other.certificate.names(signer: "Another"))
        #expect(other.certificate.names(signer: String(describing: other.certificate.subject)))
    }
}
