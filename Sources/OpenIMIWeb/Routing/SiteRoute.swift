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
        let filled = filled(with: values.map { "\($0)" }, PathSegment.encode)
        assert(filled.missing == 0, "\(pattern) needs more values")
        assert(filled.unused == 0, "\(pattern) takes fewer values")
        return filled.path
    }

    /// The pattern with its parameters replaced, in order, by `place` of each of `values`; a
    /// parameter left without a value stays as written. Returns the path, how many parameters had
    /// no value and how many values were left over.
    private func filled(with values: [String], _ place: (String) -> String) -> (path: String, missing: Int, unused: Int) {
        var remaining = values[...]
        var missing = 0
        let path = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix("{") || segment.hasPrefix(":") else { return String(segment) }
            guard let value = remaining.popFirst() else {
                missing += 1
                return String(segment)
            }
            return place(value)
        }.joined(separator: "/")
        return (path, missing, remaining.count)
    }

    /// The link as a template lambda: a section's text names the parameters' values as template
    /// tags or literals separated by spaces (`{{#links.request}}{{id}}{{/links.request}}`), which
    /// Mustache then renders, escaped; without a section it is the parameterless address.
    var templateLink: MustacheLambda {
        MustacheLambda { (text: String) -> Any? in
            filled(with: text.split(separator: " ").map(String.init)) { $0 }.path
        }
    }
}
