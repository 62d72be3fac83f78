import Mustache
import OpenIMIApplication

/// A page model turned into dictionaries, arrays and plain values once before rendering.
///
/// Mustache resolves every `{{name}}` by looking through the context stack, and for a Swift struct
/// each look is a fresh `Mirror` over all its fields; `{{t.…}}` inside a table row misses the row
/// and the page before it reaches the catalog. Reflecting each value once and handing Mustache
/// dictionaries (which it reads by key) keeps a 50-row page from reflecting thousands of times.
/// Lookups behave as before: a nil optional is left out, so the name is searched further up.
enum TemplateTree {
    /// `value` with every struct or class replaced by a `[String: Any]` of its fields, recursively.
    static func of(_ value: Any) -> Any {
        if value is String || value is Bool || value is Int || value is MustacheParent || value is MustacheLambda {
            return value
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = unwrapped(child.value) else { continue }
                fields[label] = of(field)
            }
            return fields
        case .collection:
            return mirror.children.compactMap { unwrapped($0.value).map(of) }
        case .optional:
            return unwrapped(value).map(of) ?? value
        default:
            return value
        }
    }

    /// The value an optional holds, nil for `.none`, or the value itself when it is not optional.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
