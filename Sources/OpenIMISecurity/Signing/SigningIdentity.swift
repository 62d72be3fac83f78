import Crypto
import Foundation
import SwiftASN1
import X509

/// One signing key of the platform with its current certificate.
///
/// The key is ECDSA P-256. Its id is the SHA-256 of its public key (DER SubjectPublicKeyInfo) in
/// hexadecimal, so every signature can name the key it was made with and anyone holding the
/// certificate can recompute the id.
public struct SigningIdentity: Sendable {
    /// The key's id: SHA-256 of the public key, 64 hexadecimal digits.
    public let keyID: String
    /// The private key.
    public let privateKey: P256.Signing.PrivateKey
    /// The certificate for the key: self-signed at creation, or one a certificate authority issued.
    public let certificate: Certificate

    /// Pairs `privateKey` with `certificate`; refuses a certificate for another key.
    public init(privateKey: P256.Signing.PrivateKey, certificate: Certificate) throws(SigningKeyError) {
        guard certificate.publicKey == Certificate.PublicKey(privateKey.publicKey) else { throw .certificateForAnotherKey }
        self.privateKey = privateKey
        self.certificate = certificate
        keyID = Self.keyID(of: privateKey.publicKey)
    }

    /// The id of `publicKey`.
    public static func keyID(of publicKey: P256.Signing.PublicKey) -> String {
        ContentDigest.sha256(publicKey.derRepresentation)
    }

    /// A new key with a self-signed certificate for `subject`, valid from `now` for `years` years.
    public static func create(subject: DistinguishedName, now: Date, years: Int = 10) throws -> SigningIdentity {
        let key = P256.Signing.PrivateKey()
        let certificate = try Certificate(
            version: .v3, serialNumber: Self.serialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(Double(years) * 365.25 * 86_400),
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
                SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        return try SigningIdentity(privateKey: key, certificate: certificate)
    }

    /// A random serial of at most 20 octets once DER-encoded (RFC 5280, 4.1.2.2): 20 random bytes
    /// with the top bit cleared, since a set top bit costs a leading zero octet (21 in all), and NSS,
    /// which PDF readers and `pdfsig` verify with, refuses such certificates.
    static func serialNumber() -> Certificate.SerialNumber {
        var bytes = SystemSecureRandom().bytes(20)
        bytes[0] = bytes[0] & 0x7F | 0x40
        return Certificate.SerialNumber(bytes: bytes)
    }

    /// A certificate signing request for this key and `subject`, in PEM, for a certificate authority.
    public func certificateSigningRequest(subject: DistinguishedName) throws -> String {
        try CertificateSigningRequest(
            version: .v1, subject: subject, privateKey: Certificate.PrivateKey(privateKey),
            attributes: CertificateSigningRequest.Attributes(),
            signatureAlgorithm: .ecdsaWithSHA256
        ).serializeAsPEM().pemString
    }

    /// The certificate in PEM.
    public var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    /// The subject "CN=OpenIMI platform signing key, O=…" for an organisation name.
    public static func subject(organisation: String, commonName: String = "OpenIMI platform signing key") throws -> DistinguishedName {
        try DistinguishedName {
            CommonName(commonName)
            OrganizationName(organisation)
        }
    }
}
