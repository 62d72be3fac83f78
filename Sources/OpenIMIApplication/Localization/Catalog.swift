import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The interface strings of one language, keyed by dotted names such as "nav.directory".
public struct Catalog: Sendable {
    /// The catalog's language.
    public let language: Language
    /// The strings by key.
    public let strings: [String: String]

    /// Creates a catalog.
    public init(language: Language, strings: [String: String]) {
        self.language = language
        self.strings = strings
    }

    /// The string for `key` with `{name}` placeholders replaced; the key itself when missing.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = strings[key] ?? key
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// The strings as nested dictionaries ("a.b" becomes ["a": ["b": …]]) for templates.
    public var nested: [String: Any] {
        var root: [String: Any] = [:]
        for (key, value) in strings {
            Self.insert(value, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into node: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            node[head] = value
            return
        }
        var child = node[head] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        node[head] = child
    }
}
