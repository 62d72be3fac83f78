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

    /// The methods of the address `path` as the router resolves it: of the patterns that match it
    /// (a `{name}` or `:name` segment matches any one segment), those whose literal segments come
    /// first win, as a literal segment wins over a parameter in the router's tree.
    func methods(matching path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: [Bool]?
        var methods: Set<String> = []
        for route in all.keys {
            let parts = route.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let pattern = parts[1].split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == segments.count else { continue }
            var literal: [Bool] = []
            var matches = true
            for (expected, actual) in zip(pattern, segments) {
                let isParameter = expected.hasPrefix("{") || expected.hasPrefix(":")
                if !isParameter && expected != actual {
                    matches = false
                    break
                }
                literal.append(!isParameter)
            }
            guard matches else { continue }
            if let best, literal.lexicographicallyPrecedes(best, by: { !$0 && $1 }) { continue }
            if best == nil || best!.lexicographicallyPrecedes(literal, by: { !$0 && $1 }) {
                best = literal
                methods = []
            }
            methods.insert(String(parts[0]))
        }
        return methods.sorted()
    }
}
