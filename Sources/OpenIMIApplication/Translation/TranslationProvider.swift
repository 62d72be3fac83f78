import OpenIMIDomain

/// What a provider did with a text.
public enum TranslationOutcome: Sendable, Equatable {
    /// It answered with the translation.
    case translated(String)
    /// It took the text and will answer later, through the callback, naming the reference.
    case pending
}

/// A machine-translation service. Only the text and its languages are sent: never names or
/// identifiers from a request's structured fields.
public protocol TranslationProvider: Sendable {
    /// The service's protocol, recorded in the access log.
    var kind: TranslationProviderKind { get }
    /// The engine's name shown beside its translations.
    var engineName: String { get }
    /// Asks for `text` in `target`; `reference` is the secret an asynchronous answer must present.
    func translate(_ text: String, from source: Language, to target: Language, reference: String) async throws -> TranslationOutcome
}

extension TranslationSettings {
    /// The provider these settings describe; `callbackURL` is where an asynchronous provider answers.
    public func provider(callbackURL: String) throws -> any TranslationProvider {
        let http = OutboundHTTP(timeout: .seconds(timeoutSeconds))
        switch kind {
        case .libretranslate:
            return LibreTranslateProvider(settings: self, apiKey: try credentials(), http: http)
        case .etranslation:
            guard let credentials = try credentials(), let colon = credentials.firstIndex(of: ":") else {
                throw TranslationError.misconfigured("the eTranslation credentials file must hold application-name:password")
            }
            return ETranslationProvider(
                settings: self, application: String(credentials[..<colon]),
                password: String(credentials[credentials.index(after: colon)...]),
                callbackURL: callbackURL, http: http)
        }
    }
}
