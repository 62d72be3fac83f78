import Synchronization

/// Whether the platform has been prepared (migrations applied, reference data loaded): background
/// services that touch the database wait for it, since a server's services start before its
/// `prepare()` has run.
public final class Readiness: Sendable {
    private let prepared = Atomic<Bool>(false)

    /// Starts as not prepared.
    public init() {}

    /// Whether `Platform.prepare()` has finished.
    public var isPrepared: Bool { prepared.load(ordering: .acquiring) }

    /// Records that preparation finished.
    public func markPrepared() {
        prepared.store(true, ordering: .releasing)
    }
}
