import Hummingbird
import OpenIMIApplication
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
    /// A route's method and its path split into segments (nil where a parameter stands), parsed once.
    private struct Pattern {
        let method: String
        let segments: [Substring?]
    }

    private let entries = Mutex<[String: RouteAccess]>([:])
    private let patterns = Mutex<[Pattern]?>(nil)

    /// Creates an empty registry.
    public init() {}

    func record(_ method: HTTPRequest.Method, _ path: String, _ access: RouteAccess) {
        entries.withLock { $0["\(method.rawValue) \(path)"] = access }
        patterns.withLock { $0 = nil }
    }

    /// Every recorded route ("GET /path") and its access.
    public var all: [String: RouteAccess] { entries.withLock { $0 } }

    /// The routes as patterns, parsed on first use after a route was recorded.
    private var parsedPatterns: [Pattern] {
        if let parsed = patterns.withLock({ $0 }) { return parsed }
        let parsed = all.keys.compactMap { route -> Pattern? in
            let parts = route.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return Pattern(
                method: String(parts[0]),
                segments: parts[1].split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix(":") ? nil : $0 })
        }
        patterns.withLock { $0 = parsed }
        return parsed
    }

    /// The methods of the address `path` as the router resolves it: of the patterns that match it
    /// (a `{name}` or `:name` segment matches any one segment), those whose literal segments come
    /// first win, as a literal segment wins over a parameter in the router's tree.
    func methods(matching path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: [Bool]?
        var methods: Set<String> = []
        for pattern in parsedPatterns where pattern.segments.count == segments.count {
            guard zip(pattern.segments, segments).allSatisfy({ $0.0 == nil || $0.0 == $0.1 }) else { continue }
            let literal = pattern.segments.map { $0 != nil }
            if let best, literal.lexicographicallyPrecedes(best, by: { !$0 && $1 }) { continue }
            if best == nil || best!.lexicographicallyPrecedes(literal, by: { !$0 && $1 }) {
                best = literal
                methods = []
            }
            methods.insert(pattern.method)
        }
        return methods.sorted()
    }
}
