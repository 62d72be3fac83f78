import OpenIMIPersistence

/// A resource the server needs was not found beside the executable.
public enum ResourceError: Error, CustomStringConvertible {
    /// The resource at this path is missing.
    case missing(String)
    /// The resource has a line or entry that cannot be read.
    case malformed(String)

    /// Names the resource and where the server expects the resource folders.
    public var description: String {
        switch self {
        case .missing(let path):
            "Resource not found: \(path). Install the openimi_*.resources folders beside the executable."
        case .malformed(let detail):
            "Resource cannot be read: \(detail)"
        }
    }
}
