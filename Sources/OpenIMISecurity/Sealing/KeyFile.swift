import Foundation

/// A 32-byte key given in the environment (base64) or kept in a file, created on first use with
/// owner-only permissions.
public enum KeyFile {
    /// The key from `environmentValue` when set, else from `file`, creating the file with a new
    /// random key (permissions 0600) when it does not exist.
    public static func load(environmentValue: String?, file: URL, random: some SecureRandom) throws(SecretBoxError) -> [UInt8] {
        if let environmentValue, !environmentValue.isEmpty {
            guard let bytes = Data(base64Encoded: environmentValue), bytes.count == 32 else { throw .malformedKey }
            return Array(bytes)
        }
        if !FileManager.default.fileExists(atPath: file.path) {
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try write(random.bytes(32), to: file)
        }
        return try read(file)
    }

    /// The key in `file`; refused when the file's group or others may read or write it.
    public static func read(_ file: URL) throws(SecretBoxError) -> [UInt8] {
        // The mode of the file itself, not of a link to it (secret volumes are often links).
        let target = file.resolvingSymlinksInPath().path
        if let mode = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw .insecurePermissions(file.path)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .cannotRead(file.path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: text), bytes.count == 32 else { throw .malformedKey }
        return Array(bytes)
    }

    /// Writes `key` to a new file `file`, readable by the owner only.
    public static func write(_ key: [UInt8], to file: URL) throws(SecretBoxError) {
        let encoded = Data(key).base64EncodedString()
        guard FileManager.default.createFile(atPath: file.path, contents: Data(encoded.utf8), attributes: [.posixPermissions: 0o600])
        else { throw .cannotCreate(file.path) }
    }
}
