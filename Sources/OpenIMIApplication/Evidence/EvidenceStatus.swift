import OpenIMIPersistence
import Synchronization

/// Whether the platform could sign its last checkpoint. While it cannot, state-changing steps are
/// refused: history that cannot be proved is not recorded.
public final class EvidenceStatus: Sendable {
    private let signing = Atomic<Bool>(true)

    /// Starts as able to sign: the server does not start without its signing key.
    public init() {}

    /// Whether the last attempt to load the signing key succeeded.
    public var canSign: Bool { signing.load(ordering: .acquiring) }

    /// Records the outcome of an attempt to load the signing key.
    public func record(canSign: Bool) {
        signing.store(canSign, ordering: .releasing)
    }

    /// Throws ``EvidenceError/signingUnavailable`` unless checkpoints can be signed.
    public func requireSigning() throws(EvidenceError) {
        guard canSign else { throw .signingUnavailable }
    }
}
