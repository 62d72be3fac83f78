import Foundation
import OpenIMIPersistence

/// The source of the current time, injected so that tests control it.
public protocol AppClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemClock: AppClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Date { Date() }
}
