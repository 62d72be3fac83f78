import Foundation

/// One segment of a link's path.
public enum PathSegment {
    /// `value` percent-encoded so that it stays one segment: only RFC 3986's unreserved
    /// characters are kept as they are.
    public static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
