import Foundation

/// The addresses the platform gives out beyond its own pages, in e-mails. The application layer
/// writes them, so they are declared here; the web's route table registers the same patterns, so
/// each address is still written once.
public enum PublicAddress {
    /// The page of one request; `{id}` is the request's id.
    public static let requestPattern = "/requests/{id}"

    /// The page of one alert; `{id}` is the alert's id.
    public static let alertPattern = "/alerts/{id}"

    /// The page of one notification; `{id}` is the notification's id.
    public static let notificationPattern = "/notifications/{id}"

    /// The absolute link to the page of notification `id` on the platform at `base` (no trailing slash).
    public static func notification(_ id: String, base: String) -> String {
        base + notificationPattern.replacingOccurrences(of: "{id}", with: PathSegment.encode(id))
    }

    /// The absolute link to the page of alert `id` on the platform at `base` (no trailing slash).
    public static func alert(_ id: String, base: String) -> String {
        base + alertPattern.replacingOccurrences(of: "{id}", with: PathSegment.encode(id))
    }

    /// The absolute link to the page of request `id` on the platform at `base` (no trailing slash).
    public static func request(_ id: String, base: String) -> String {
        base + requestPattern.replacingOccurrences(of: "{id}", with: PathSegment.encode(id))
    }
}
