import OpenIMIPersistence
import Synchronization

/// Whether the platform can sign checkpoints: its key can be loaded and its log still extends the
/// checkpoints it signed. While it cannot, state-changing steps are refused: history that cannot be
/// proved is not recorded.
public final class EvidenceStatus: Sendable {
    private let signing = Atomic<Bool>(true)
    private let inconsistency = Mutex<String?>(nil)

    /// Starts as able to sign: the server does not start without its signing key.
    public init() {}

    /// Whether the last attempt to load the signing key succeeded.
    public var canSign: Bool { signing.load(ordering: .acquiring) }

    /// Why the log no longer extends its last checkpoint held outside the database; nil while it does.
    public var inconsistentLog: String? { inconsistency.withLock { $0 } }

    /// Records the outcome of an attempt to load the signing key.
    public func record(canSign: Bool) {
        signing.store(canSign, ordering: .releasing)
    }

    /// Records that the log is inconsistent with what was signed, and why; it stays so until restart.
    public func record(inconsistentLog reason: String) {
        inconsistency.withLock { $0 = $0 ?? reason }
    }

    /// Throws unless checkpoints can be signed: ``EvidenceError/logInconsistent(_:)`` when the log
    /// was found rewritten, ``EvidenceError/signingUnavailable`` when the key cannot be loaded.
    public func requireSigning() throws(EvidenceError) {
        if let reason = inconsistentLog { throw .logInconsistent(reason) }
        guard canSign else { throw .signingUnavailable }
    }
}
