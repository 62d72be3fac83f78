import Foundation

extension DataKeyRing {
    /// The suffix of the file a master-key rotation writes the new key to before it takes over.
    public static let nextSuffix = ".next"

    /// The ring of the platform: the current master key from `environmentValue` or `file` (created
    /// with owner-only permissions when neither exists), and as earlier keys `previousValue` (from the
    /// environment, while data keys are re-wrapped) and the key of an unfinished rotation (`file.next`).
    public static func load(
        environmentValue: String?, previousValue: String?, file: URL, random: some SecureRandom
    ) throws(SecretBoxError) -> DataKeyRing {
        let current = try MasterKey(bytes: try KeyFile.load(environmentValue: environmentValue, file: file, random: random))
        var earlier: [MasterKey] = []
        if let previousValue, !previousValue.isEmpty {
            guard let bytes = Data(base64Encoded: previousValue) else { throw .malformedKey }
            earlier.append(try MasterKey(bytes: Array(bytes)))
        }
        let next = URL(fileURLWithPath: file.path + nextSuffix)
        if FileManager.default.fileExists(atPath: next.path) { earlier.append(try MasterKey(bytes: try KeyFile.read(next))) }
        return DataKeyRing(current: current, earlier: earlier)
    }
}
