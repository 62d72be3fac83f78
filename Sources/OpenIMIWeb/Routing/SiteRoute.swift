import Foundation
import Hummingbird
import Mustache
import OpenIMIApplication

/// One route of ``Site``: its method, its path pattern (`{name}` or `:name` for a parameter) and
/// whether anyone may use it. It builds the links to itself.
struct SiteRoute: Sendable, Hashable {
    /// The HTTP method.
    let method: HTTPRequest.Method
    /// The path pattern, as the router matches it.
    let pattern: String
    /// Public, or only with a session.
    let access: RouteAccess

    /// A route of the table.
    init(_ method: HTTPRequest.Method, _ pattern: String, _ access: RouteAccess) {
        self.method = method
        self.pattern = pattern
        self.access = access
    }

    /// Whether it belongs to the JSON API (signed in with a bearer token) rather than the pages.
    var isAPI: Bool { pattern.hasPrefix(Site.apiPrefix) }

    /// The address with `values` in place of the pattern's parameters, in order, each
    /// percent-encoded as one path segment.
    func link(_ values: any CustomStringConvertible...) -> String {
        link(values)
    }

    /// `link(values…)` followed by `query` (already encoded, without the "?").
    func link(_ values: any CustomStringConvertible..., query: String) -> String {
        let path = link(values)
        return query.isEmpty ? path : "\(path)?\(query)"
    }

    private func link(_ values: [any CustomStringConvertible]) -> String {
        var remaining = values.map { "\($0)" }[...]
        let path = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix("{") || segment.hasPrefix(":") else { return String(segment) }
            assert(!remaining.isEmpty, "\(pattern) needs a value for \(segment)")
            guard !remaining.isEmpty else { return String(segment) }
            return PathSegment.encode(remaining.removeFirst())
        }.joined(separator: "/")
        assert(remaining.isEmpty, "\(pattern) takes fewer values")
        return path
    }

    /// The link as a template lambda: a section's text names the parameters' values as template
    /// tags or literals separated by spaces (`{{#links.request}}{{id}}{{/links.request}}`), which
    /// Mustache then renders, escaped; without a section it is the parameterless address.
    var templateLink: MustacheLambda {
        MustacheLambda { (text: String) -> Any? in
            var values = text.split(separator: " ").map(String.init)[...]
            return pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                guard segment.hasPrefix("{") || segment.hasPrefix(":"), let value = values.popFirst() else { return String(segment) }
                return value
            }.joined(separator: "/")
        }
    }
}
