import Foundation

extension Date {
    /// Whole seconds since 1970, as stored.
    public var epochSeconds: Int64 { Int64(timeIntervalSince1970) }
}
