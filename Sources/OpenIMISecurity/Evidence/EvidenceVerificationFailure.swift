/// Why an exchange report does not verify, as `openimi verify-report` names it.
public enum EvidenceVerificationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is not a JWS (or PDF) of the expected shape.
    case malformed(String)
    /// The certificate in the report is neither the trusted one nor issued by it.
    case untrustedCertificate
    /// The certificate's key usage does not include digital signatures.
    case certificateMayNotSign
    /// The signature is not the certificate key's over the content.
    case signatureInvalid
    /// The checkpoint inside is not signed by the report's key.
    case checkpointSignatureInvalid
    /// An entry's proof does not lead to the checkpoint's root.
    case inclusionProofInvalid(sequence: Int64)
    /// An entry concerns another request.
    case entryOfAnotherRequest(sequence: Int64)
    /// A content hash is not the one the log recorded.
    case contentHashMismatch(String)
    /// A trusted witness's cosignature on the checkpoint does not verify: altered or forged.
    case cosignatureInvalid(witness: String)
    /// Fewer trusted witnesses cosigned the checkpoint than the quorum asks.
    case quorumNotMet(quorum: Int, cosigned: [String], missing: [String])

    public var description: String {
        switch self {
        case .malformed(let why): "not a well-formed report: \(why)"
        case .untrustedCertificate: "the report's certificate is not the trusted certificate and not issued by it"
        case .certificateMayNotSign: "the report's certificate does not allow digital signatures (key usage)"
        case .signatureInvalid: "the signature does not match the content: the report was changed or signed by another key"
        case .checkpointSignatureInvalid: "the log checkpoint in the report is not signed by the report's key"
        case .inclusionProofInvalid(let sequence): "log entry \(sequence): its inclusion proof does not lead to the signed checkpoint"
        case .entryOfAnotherRequest(let sequence): "log entry \(sequence) concerns another request"
        case .contentHashMismatch(let what): "the hash of \(what) is not the one the log recorded"
        case .cosignatureInvalid(let witness):
            "the cosignature of witness \(witness) on the log checkpoint does not verify: it was altered or forged"
        case .quorumNotMet(let quorum, let cosigned, let missing):
            "the log checkpoint carries \(cosigned.count) valid witness cosignature(s) (\(cosigned.isEmpty ? "none" : cosigned.joined(separator: ", "))), "
                + "fewer than the quorum of \(quorum); missing: \(missing.joined(separator: ", "))"
        }
    }
}
