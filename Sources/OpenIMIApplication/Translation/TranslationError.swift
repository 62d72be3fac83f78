/// Why a machine translation could not be had.
public enum TranslationError: Error, Sendable, Equatable {
    /// Machine translation is not configured, the text is already in the reader's language, or
    /// the request has no such text the reader may read.
    case notOffered
    /// The provider did not answer in time, answered with an error or with something unreadable.
    case unavailable(String)
    /// The configuration cannot work (an unreadable or exposed credentials file).
    case misconfigured(String)
}

extension OutboundHTTP {
    /// Sends `request`, any failure reported as the translation service being unavailable.
    func sendForTranslation(_ request: Request) async throws -> Response {
        do {
            return try await send(request)
        } catch {
            throw TranslationError.unavailable("\(error)")
        }
    }
}
