/// The protocols of the machine-translation services OpenIMI can use; the raw value is the
/// configuration's `OPENIMI_TRANSLATION_PROVIDER` and the access log's purpose suffix.
public enum TranslationProviderKind: String, Sendable, Hashable, CaseIterable {
    /// A LibreTranslate-compatible service: `POST /translate` answering at once.
    case libretranslate
    /// The European Commission's eTranslation: a request answered later through a callback.
    case etranslation
}
