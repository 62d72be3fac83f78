/// Why personal data could not be sealed or opened.
public enum SealingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value is not sealed (plaintext where a sealed value belongs).
    case notSealed
    /// The value was altered, belongs elsewhere, or was sealed with another key.
    case cannotOpen
    /// The wrapped data key names a master key that is not loaded.
    case unknownMasterKey(String)
    /// The request has no data key: it was destroyed (the data are deleted) or never made.
    case noDataKey

    /// The reason, for an operator (never containing data).
    public var description: String {
        switch self {
        case .notSealed: "a value that must be sealed is not"
        case .cannotOpen: "a sealed value does not open with its key"
        case .unknownMasterKey(let id): "a data key is wrapped by master key \(id), which is not loaded"
        case .noDataKey: "the request's data key does not exist"
        }
    }
}
