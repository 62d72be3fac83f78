/// Why a request's personal data were deleted.
public enum DeletionReason: String, Sendable, Hashable, CaseIterable {
    /// Three years after formal closure (Art. 14).
    case retention
    /// The consent the exchange rested on was withdrawn.
    case consentWithdrawn = "consent-withdrawn"
    /// A data subject's erasure request: the data were processed unlawfully (Art. 19).
    case erasure
    /// The requesting authority deleted its draft before sending it.
    case draftDeleted = "draft-deleted"
}
