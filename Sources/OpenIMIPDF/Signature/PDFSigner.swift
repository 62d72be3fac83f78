import Crypto
import Foundation
@_spi(CMS) import X509

/// Signs a document with an embedded detached CMS signature (ISO 32000-1, 12.8; `adbe.pkcs7.detached`):
/// the SHA-256 of every byte except the signature's own placeholder, signed with ECDSA P-256, with
/// the content type, the message digest and the signing time as signed attributes and the
/// certificate included, so `pdfsig` and PDF readers can check it without anything else.
public struct PDFSigner: Sendable {
    /// Bytes reserved for the signature: a P-256 CMS signature with one certificate needs about 1,000.
    public static let capacity = 8192

    /// The signing key.
    public let privateKey: P256.Signing.PrivateKey
    /// Its certificate, embedded in the signature.
    public let certificate: Certificate

    /// Signs with `privateKey`, presenting `certificate`.
    public init(privateKey: P256.Signing.PrivateKey, certificate: Certificate) {
        self.privateKey = privateKey
        self.certificate = certificate
    }

    /// The signed PDF of `document`; `identifier` becomes the file identifier (16 bytes).
    public func sign(_ document: PDFDocument, signer: String, reason: String, at date: Date, identifier: [UInt8]) throws -> [UInt8] {
        let field = PDFDocument.SignatureField(signer: signer, reason: reason, at: date, capacity: Self.capacity)
        var rendered = document.render(at: date, identifier: identifier, signature: field)
        guard let rangeSlot = rendered.byteRange, let contents = rendered.contents else { throw PDFSignatureFailure.noSignature }
        let total = rendered.bytes.count
        var ranges = "0 \(contents.lowerBound) \(contents.upperBound) \(total - contents.upperBound)"
        ranges += String(repeating: " ", count: PDFDocument.byteRangeWidth - ranges.utf8.count)
        rendered.bytes.replaceSubrange(rangeSlot, with: Array(ranges.utf8))
        var signed = Array(rendered.bytes[..<contents.lowerBound])
        signed.append(contentsOf: rendered.bytes[contents.upperBound...])
        let cms = try CMS.sign(
            signed, signatureAlgorithm: .ecdsaWithSHA256, certificate: certificate, privateKey: Certificate.PrivateKey(privateKey),
            signingTime: date, detached: true)
        guard cms.count <= Self.capacity else { throw PDFSignatureFailure.signatureTooLarge(cms.count) }
        let hex = Array(PDFText.hex(cms).utf8)
        rendered.bytes.replaceSubrange(contents.lowerBound + 1..<contents.lowerBound + 1 + hex.count, with: hex)
        return rendered.bytes
    }
}
