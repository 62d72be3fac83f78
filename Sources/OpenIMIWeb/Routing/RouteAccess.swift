import Hummingbird
import Synchronization

/// Whether a route is open to anyone or needs a signed-in session.
public enum RouteAccess: String, Sendable {
    /// Public pages and resources, explicitly marked.
    case `public`
    /// Needs a session; the handler then asks the access policy about the specific action.
    case signedIn = "signed-in"
}

/// Records how each route is guarded, so a test can prove none is left unguarded.
public final class RouteAccessRegistry: Sendable {
    private let entries = Mutex<[String: RouteAccess]>([:])

    /// Creates an empty registry.
    public init() {}

    func record(_ method: HTTPRequest.Method, _ path: String, _ access: RouteAccess) {
        entries.withLock { $0["\(method.rawValue) \(path)"] = access }
    }

    /// Every recorded route ("GET /path") and its access.
    public var all: [String: RouteAccess] { entries.withLock { $0 } }
}
