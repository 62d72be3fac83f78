import SwiftASN1
import X509

/// What a report's signing certificate must allow: its critical extensions are the ones a signing
/// certificate carries (basic constraints, key usage), and its key usage includes digital signatures.
/// Trust comes from the chain ending at the certificate the verifier was given.
struct SigningCertificatePolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.basicConstraints, .X509ExtensionID.keyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.keyUsage, usage.digitalSignature else {
            return .failsToMeetPolicy(reason: "the certificate's key usage does not allow digital signatures")
        }
        return .meetsPolicy
    }
}
