import Foundation
@_spi(CMS) import X509

/// Verifies a signed PDF offline: the signature must cover every byte of the file except its own
/// contents, and be a valid CMS signature by the trusted certificate or one it issued.
public struct PDFSignatureVerifier: Sendable {
    /// The certificate signatures must be made with, or the one that issued it.
    public let trusted: Certificate

    /// Trusts `trusted`.
    public init(trusted: Certificate) {
        self.trusted = trusted
    }

    /// Checks `pdf`'s signature; returns the signer's certificate.
    public func verify(_ pdf: [UInt8]) async throws(PDFSignatureFailure) -> Certificate {
        let (signed, signature) = try Self.signedParts(of: pdf)
        let result: CMS.SignatureVerificationResult
        result = await CMS.isValidSignature(dataBytes: signed, signatureBytes: signature, trustRoots: CertificateStore([trusted])) {
            SigningCertificatePolicy()
        }
        switch result {
        case .success(let valid): return valid.signer
        case .failure(let failure): throw .invalid(String(describing: failure))
        }
    }

    /// The bytes the signature covers and the DER signature, after checking that the byte range
    /// leaves out exactly the hexadecimal `/Contents` string and reaches the end of the file.
    static func signedParts(of pdf: [UInt8]) throws(PDFSignatureFailure) -> (signed: [UInt8], signature: [UInt8]) {
        guard let marker = PDFScanner(pdf).lastOccurrence(of: "/ByteRange ["),
            let close = pdf[marker...].firstIndex(of: UInt8(ascii: "]"))
        else { throw .noSignature }
        let from = marker + "/ByteRange [".utf8.count
        guard from <= close else { throw .incompleteByteRange("the byte range is not four numbers") }
        // Numbers as large as the file at most, so that no arithmetic on them can overflow.
        let words = String(decoding: pdf[from..<close], as: UTF8.self).split(separator: " ")
        let numbers = words.compactMap { $0.count <= 12 ? Int($0) : nil }.filter { (0...pdf.count).contains($0) }
        guard words.count == 4, numbers.count == 4 else { throw .incompleteByteRange("the byte range is not four numbers within the file") }
        let (start, gap, resume, tail) = (numbers[0], numbers[1], numbers[2], numbers[3])
        guard start == 0 else { throw .incompleteByteRange("it does not start at the first byte") }
        guard gap > 0, resume > gap, resume <= pdf.count else { throw .incompleteByteRange("the ranges are out of order") }
        guard tail == pdf.count - resume else { throw .incompleteByteRange("\(pdf.count - resume - tail) bytes follow the signed range") }
        guard pdf[gap] == UInt8(ascii: "<"), pdf[resume - 1] == UInt8(ascii: ">") else {
            throw .incompleteByteRange("the unsigned gap is not the signature's contents")
        }
        var signature: [UInt8] = []
        signature.reserveCapacity((resume - gap) / 2)
        var index = gap + 1
        while index + 1 < resume - 1 {
            guard let high = Self.nibble(pdf[index]), let low = Self.nibble(pdf[index + 1]) else {
                throw .incompleteByteRange("the unsigned gap holds more than the signature")
            }
            signature.append(high << 4 | low)
            index += 2
        }
        // The placeholder is longer than the signature: the DER length says where it ends.
        guard let length = Self.derLength(signature) else { throw .malformedSignature("no DER SEQUENCE in the contents") }
        signature.removeSubrange(length...)
        var signed = Array(pdf[..<gap])
        signed.append(contentsOf: pdf[resume...])
        return (signed, signature)
    }

    /// The length of the DER SEQUENCE at the start of `bytes`, header included.
    private static func derLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2, bytes[0] == 0x30 else { return nil }
        if bytes[1] < 0x80 { return 2 + Int(bytes[1]) <= bytes.count ? 2 + Int(bytes[1]) : nil }
        let count = Int(bytes[1] & 0x7F)
        guard count > 0, count <= 4, bytes.count >= 2 + count else { return nil }
        let length = bytes[2..<2 + count].reduce(0) { $0 << 8 | Int($1) }
        return 2 + count + length <= bytes.count ? 2 + count + length : nil
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
