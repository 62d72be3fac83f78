import OpenIMISecurity

/// Keys for tests that build repositories or services directly.
public enum TestKeys {
    /// A ring with a fresh random master key.
    public static func ring() -> DataKeyRing {
        // 32 random bytes always make a valid master key.
        DataKeyRing(current: try! MasterKey(bytes: SystemSecureRandom().bytes(32)))
    }
}
