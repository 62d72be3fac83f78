import SwiftASN1
import X509

extension Certificate {
    /// Whether the certificate carries a key usage extension that allows digital signatures: a
    /// certificate authority's certificate, or one for key agreement only, does not sign reports.
    public var allowsDigitalSignatures: Bool {
        guard let usage = try? extensions.keyUsage else { return false }
        return usage.digitalSignature
    }

    /// The organisation names (O=) in the subject.
    public var subjectOrganisations: [String] {
        subject.flatMap { $0 }.filter { $0.type == .RDNAttributeType.organizationName }.map { String(describing: $0.value) }
    }

    /// Whether the certificate names `signer`: exactly its whole subject (as RFC 4514 prints it,
    /// e.g. `CN=OpenIMI,O=OpenIMI`) or exactly one of its organisation names.
    public func names(signer: String) -> Bool {
        String(describing: subject) == signer || subjectOrganisations.contains(signer)
    }
}
