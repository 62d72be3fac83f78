import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The per-request context: Hummingbird's core storage plus the interface language.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// The language the response is written in.
    public var language: Language = .en
    /// The signed-in session, if any.
    public var session: ActiveSession?
    /// The upload form, parsed once by `SessionMiddleware` (which needs its CSRF field) for the handler.
    var uploadForm: MultipartForm?

    /// The client's network address, for per-address sign-in throttling.
    public var remoteAddress: String

    /// Creates the context for a request.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Largest request body accepted: the JSON API takes small documents only.
    public var maxUploadSize: Int { APILimits.maximumBodyBytes }
}

/// Size limits of the JSON API.
public enum APILimits {
    /// Largest accepted JSON request body, in bytes.
    public static let maximumBodyBytes = 64 * 1024
    /// Largest accepted web form (URL-encoded): the new-request form with its free text fits many times over.
    public static let maximumFormBytes = 64 * 1024
    /// Largest accepted upload: one attachment plus the form around it.
    public static let maximumUploadBytes = AttachmentRule.maximumSize + 64 * 1024
}
