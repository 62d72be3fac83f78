import OpenIMIApplication
import OpenIMIDomain

/// Errors in what a client sent, found by the web layer before the domain is called.
public enum RequestError: Error, Sendable, Hashable {
    /// Nothing exists at this address or with this identifier.
    case notFound
    /// A query parameter is missing or malformed.
    case invalidParameter(String, InvalidFieldReason)
    /// The `lang` parameter names a language without a catalog.
    case unsupportedLanguage(String)
    /// The body is not JSON, or not an object.
    case malformedBody
    /// A field of the body has the wrong type or is missing.
    case wrongType(field: String)
    /// The body has fields the operation does not know.
    case unknownFields([String])
    /// The body is larger than allowed.
    case payloadTooLarge(maximum: Int)
    /// The body is not JSON.
    case unsupportedMediaType
}
