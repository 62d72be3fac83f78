import Foundation

/// Locks an account after repeated failures: five wrong passwords or codes lock it for 15 minutes.
public struct LockoutRule: Sendable {
    /// Failures that lock the account.
    public var maximumFailures = 5
    /// How long the lock lasts.
    public var duration: TimeInterval = 15 * 60

    /// Creates the rule with the regulation's defaults.
    public init() {}

    /// Whether an account locked until `lockedUntil` is locked at `now`.
    public func isLocked(until lockedUntil: Date?, at now: Date) -> Bool {
        lockedUntil.map { now < $0 } ?? false
    }

    /// The failure count and lock after one more failure.
    public func afterFailure(previousFailures: Int, at now: Date) -> (failures: Int, lockedUntil: Date?) {
        let failures = previousFailures + 1
        return failures >= maximumFailures ? (0, now.addingTimeInterval(duration)) : (failures, nil)
    }
}

/// Slows guessing across accounts from one network address.
public struct AddressThrottleRule: Sendable {
    /// Failed sign-ins allowed per address and window.
    public var maximumFailures = 20
    /// The window's length.
    public var window: TimeInterval = 15 * 60

    /// Creates the rule.
    public init() {}

    /// Whether an address with `failures` since `windowStart` must wait at `now`.
    public func isThrottled(failures: Int, windowStart: Date, at now: Date) -> Bool {
        now < windowStart.addingTimeInterval(window) && failures >= maximumFailures
    }
}

/// How long sessions live: web sessions end after 30 minutes idle or 8 hours; API tokens after 8 hours.
public struct SessionRule: Sendable {
    /// Idle limit of a web session.
    public var idleTimeout: TimeInterval = 30 * 60
    /// Absolute limit of any session or token.
    public var absoluteLifetime: TimeInterval = 8 * 3600

    /// Creates the rule.
    public init() {}

    /// Whether a session created at `createdAt` and last used at `lastSeenAt` is still valid at `now`.
    public func isValid(kind: SessionKind, createdAt: Date, lastSeenAt: Date, at now: Date) -> Bool {
        guard now < createdAt.addingTimeInterval(absoluteLifetime) else { return false }
        return kind == .api || now < lastSeenAt.addingTimeInterval(idleTimeout)
    }
}

/// Browser session or API bearer token.
public enum SessionKind: String, Sendable, Hashable, Codable {
    /// A browser session cookie.
    case web
    /// An API bearer token.
    case api
}

/// Suspends accounts nobody has used for 90 days.
public struct DormancyRule: Sendable {
    /// Days without sign-in after which an account is suspended.
    public var days = 90

    /// Creates the rule.
    public init(days: Int = 90) {
        self.days = days
    }

    /// The last instant of use that is still fine at `now`; older accounts are dormant.
    public func cutoff(at now: Date) -> Date {
        now.addingTimeInterval(-Double(days) * 86_400)
    }

    /// Whether an account last used at `lastSignIn` (or created at `createdAt`, if never) is dormant.
    public func isDormant(lastSignIn: Date?, createdAt: Date, at now: Date) -> Bool {
        (lastSignIn ?? createdAt) < cutoff(at: now)
    }
}

/// How often an organisation's local data administrator must confirm its user list.
public struct UserListRule: Sendable {
    /// Months between confirmations.
    public var intervalMonths: Int

    /// Creates the rule; 6 months by default.
    public init(intervalMonths: Int = 6) {
        self.intervalMonths = max(1, intervalMonths)
    }

    /// When the next confirmation is due, counted from the last one or from the organisation's first user.
    public func dueDate(lastConfirmed: Date?, since start: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: intervalMonths, to: lastConfirmed ?? start)!
    }

    /// Whether the confirmation is overdue at `now`.
    public func isOverdue(lastConfirmed: Date?, since start: Date, at now: Date) -> Bool {
        now >= dueDate(lastConfirmed: lastConfirmed, since: start)
    }
}
