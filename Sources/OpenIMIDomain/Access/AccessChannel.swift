/// How a user reached the data: the JSON API or the web pages.
public enum AccessChannel: String, Sendable, Hashable, CaseIterable {
    /// The JSON API, with a bearer token.
    case api
    /// The web pages, with a browser session.
    case web
}
