import Crypto
import Foundation

/// The master keys that wrap data keys: the current one wraps new keys; earlier ones (during a
/// rotation) still unwrap the keys not yet re-wrapped.
public struct DataKeyRing: Sendable {
    /// Wraps every new data key.
    public let current: MasterKey
    /// Earlier master keys by id.
    public let earlier: [String: MasterKey]

    /// A ring with `current` and `earlier` keys.
    public init(current: MasterKey, earlier: [MasterKey] = []) {
        self.current = current
        self.earlier = Dictionary(earlier.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A fresh data key and its wrapped form (id of the master key, base64 of the sealed key).
    public func newDataKey(random: some SecureRandom) throws -> (key: DataKey, masterKeyID: String, wrapped: String) {
        let bytes = random.bytes(32)
        return (DataKey(bytes: bytes), current.id, try wrap(bytes))
    }

    /// The data key wrapped as `wrapped` by master key `masterKeyID`, bound to `requestID`.
    public func unwrap(_ wrapped: String, masterKeyID: String) throws(SealingError) -> DataKey {
        DataKey(bytes: try unwrapBytes(wrapped, masterKeyID: masterKeyID))
    }

    /// `wrapped` re-wrapped by the current master key; the data key itself is unchanged.
    public func rewrap(_ wrapped: String, masterKeyID: String) throws -> (masterKeyID: String, wrapped: String) {
        (current.id, try wrap(try unwrapBytes(wrapped, masterKeyID: masterKeyID)))
    }

    /// `text` sealed directly with the current master key for `context` (short-lived records not
    /// tied to one request, such as stored API responses).
    public func seal(_ text: String, context: String) throws -> String {
        current.id + ":" + (try DataKey(symmetric: current.key).seal(text, context: context))
    }

    /// Text sealed by `seal(_:context:)`.
    public func open(_ sealed: String, context: String) throws(SealingError) -> String {
        let parts = sealed.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw .notSealed }
        guard let master = key(parts[0]) else { throw .unknownMasterKey(parts[0]) }
        return try DataKey(symmetric: master.key).open(parts[1], context: context)
    }

    private func key(_ id: String) -> MasterKey? {
        id == current.id ? current : earlier[id]
    }

    private func wrap(_ bytes: [UInt8]) throws -> String {
        try AES.GCM.seal(Data(bytes), using: current.key, authenticating: Data("openimi data key".utf8)).combined!.base64EncodedString()
    }

    private func unwrapBytes(_ wrapped: String, masterKeyID: String) throws(SealingError) -> [UInt8] {
        guard let master = key(masterKeyID) else { throw .unknownMasterKey(masterKeyID) }
        guard let data = Data(base64Encoded: wrapped),
            let bytes = try? AES.GCM.open(
                AES.GCM.SealedBox(combined: data), using: master.key, authenticating: Data("openimi data key".utf8))
        else { throw .cannotOpen }
        return Array(bytes)
    }
}
