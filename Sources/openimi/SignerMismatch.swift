/// The report verifies, but its certificate names someone other than the signer asked for.
struct SignerMismatch: Error, CustomStringConvertible {
    let expected: String
    let found: String

    var description: String { "signed by \(found), not by \(expected)" }
}
