import Foundation

/// A secret kept in a file of its own (a credentials file, a token): read at start, trimmed, and
/// refused when its group or others may read it, or when it is empty.
public enum SecretFile {
    /// The file's content, or a sentence saying why it cannot be used.
    public static func read(_ file: String) throws(SecretFileError) -> String {
        // A mounted secret is often a link: the file it points to is what must be private.
        let path = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { throw SecretFileError("\(file) cannot be read") }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw SecretFileError("\(file) may be read by others: allow only its owner (chmod 600)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw SecretFileError("\(file) is empty") }
        return trimmed
    }
}

/// Why a secret file cannot be used, in a sentence naming the file.
public struct SecretFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sentence.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
