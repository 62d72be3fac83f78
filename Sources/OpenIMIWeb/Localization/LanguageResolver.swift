import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// Chooses the interface language: the `lang` query parameter, then the `lang` cookie, then the
/// browser's Accept-Language, then English; only languages with a catalog are chosen.
public struct LanguageResolver: Sendable {
    /// The languages that have a catalog.
    public let available: [Language]

    /// Creates a resolver for the available languages.
    public init(available: [Language]) {
        self.available = available
    }

    /// The outcome of resolving a request's language.
    public struct Resolution: Sendable, Equatable {
        /// The language to answer in.
        public var language: Language
        /// The valid language asked for explicitly with `lang`, to be remembered in a cookie.
        public var requested: Language?
        /// The `lang` value that is not an available language, to be refused.
        public var refused: String?
    }

    /// Resolves the language from the request's parts.
    public func resolve(query: String?, cookie: String?, acceptLanguage: String?) -> Resolution {
        let fallback = supported(cookie) ?? preferred(acceptLanguage) ?? .en
        // An empty `?lang=` chooses nothing, as no parameter does.
        guard let query, !query.isEmpty else { return Resolution(language: fallback) }
        if let requested = supported(query), requested.rawValue == query.lowercased() {
            return Resolution(language: requested, requested: requested)
        }
        return Resolution(language: fallback, refused: query)
    }

    private func supported(_ code: String?) -> Language? {
        guard let code, let language = Language(code: code), available.contains(language) else { return nil }
        return language
    }

    private func preferred(_ header: String?) -> Language? {
        guard let header else { return nil }
        let ranges = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, quality)
        }
        return ranges.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.lazy.compactMap { supported($0.0) }.first
    }
}
