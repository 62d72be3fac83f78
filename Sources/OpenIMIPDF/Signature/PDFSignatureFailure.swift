/// Why a signed PDF does not verify, or could not be signed.
public enum PDFSignatureFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no signature dictionary with a byte range and contents.
    case noSignature
    /// The byte range does not start at 0, skips more than the signature, or stops before the end.
    case incompleteByteRange(String)
    /// The signature bytes are not a CMS SignedData.
    case malformedSignature(String)
    /// The CMS signature does not match the bytes, or its certificate is not the trusted one nor issued by it.
    case invalid(String)
    /// No embedded evidence where the report must carry it.
    case missingEmbeddedFile(String)
    /// The CMS signature needs more room than the placeholder.
    case signatureTooLarge(Int)

    /// The reason, for a person.
    public var description: String {
        switch self {
        case .noSignature: "the PDF carries no signature"
        case .incompleteByteRange(let why): "the signature does not cover the whole file: \(why)"
        case .malformedSignature(let why): "the signature is not a CMS signature: \(why)"
        case .invalid(let why): "the PDF signature is not valid: \(why)"
        case .missingEmbeddedFile(let name): "the PDF does not carry \(name)"
        case .signatureTooLarge(let size): "the signature needs \(size) bytes, more than reserved"
        }
    }
}
