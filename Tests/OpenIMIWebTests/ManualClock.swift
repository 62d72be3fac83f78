import Foundation
import OpenIMIApplication
import OpenIMIWeb
import Synchronization

/// A clock tests move by hand, so sessions, codes and locks can be tested without sleeping.
final class ManualClock: AppClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
