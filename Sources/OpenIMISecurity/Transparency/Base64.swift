import Foundation

/// Standard base64 with padding (RFC 4648 §4), as signed notes and checkpoints use it.
public enum Base64 {
    /// The encoding of `bytes`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String { Data(bytes).base64EncodedString() }

    /// The bytes of `text`, nil unless it is canonical padded base64 (so that one value has one spelling).
    public static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }
}
