import Foundation
import OpenIMIDomain

/// Where machine translations come from, read from `OPENIMI_TRANSLATION_*`. Without a URL there
/// is no machine translation: the button is absent and nothing is sent anywhere.
public struct TranslationSettings: Sendable, Equatable {
    /// The service's protocol.
    public var kind: TranslationProviderKind
    /// The service's address: a LibreTranslate base URL (`/translate` is appended), or eTranslation's
    /// `…/etranslation/si/translate`.
    public var url: URL
    /// The engine's name shown beside each translation.
    public var engineName: String
    /// A file holding the credentials: LibreTranslate's API key, or eTranslation's
    /// `application-name:password`; read at start, refused when others may read it.
    public var credentialsFile: String?
    /// eTranslation's domain of text.
    public var domain: String = "GEN"
    /// How long a provider may take to answer.
    public var timeoutSeconds: Int = 10

    /// Creates settings.
    public init(kind: TranslationProviderKind, url: URL, engineName: String? = nil, credentialsFile: String? = nil) {
        self.kind = kind
        self.url = url
        self.engineName = engineName ?? (kind == .libretranslate ? "LibreTranslate" : "eTranslation")
        self.credentialsFile = credentialsFile
    }

    /// The credentials from ``credentialsFile``, trimmed; nil without a file.
    public func credentials() throws -> String? {
        guard let credentialsFile else { return nil }
        do {
            return try SecretFile.read(credentialsFile)
        } catch {
            throw TranslationError.misconfigured(error.description)
        }
    }
}
