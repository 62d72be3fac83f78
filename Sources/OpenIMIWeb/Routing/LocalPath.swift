/// Paths on this site that links and redirects may be built from: a request's own path or a
/// `next` parameter is attacker-chosen, and `//host/x` or `/\host` would lead a browser off-site.
enum LocalPath {
    /// Longest path followed after sign-in.
    static let maximumLength = 2_048

    /// Whether `path` stays on this site: starts with one `/`, no backslash, no control character.
    static func isLocal(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") && path.utf8.count <= maximumLength
            && !path.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == " " }
    }

    /// `path` when it is local, else the site's root: for links built from the address of a request.
    static func local(_ path: String) -> String {
        isLocal(path) ? path : "/"
    }
}
