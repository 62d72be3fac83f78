import Foundation

/// A line in an organisation's inbox: a step was taken on one of its requests. Carries no personal data.
public struct RequestNotification: Sendable, Hashable, Codable {
    /// The notification's id.
    public var id: String
    /// The organisation whose inbox it is in.
    public var organisationId: String
    /// The one user it is addressed to, if any (an allocation).
    public var userId: String?
    /// The request concerned.
    public var requestId: String
    /// The action's code.
    public var action: String
    /// The state the request reached.
    public var state: String
    /// When (seconds since 1970).
    public var at: Int64
    /// The request's number (`DK-2026-000123`).
    public var number: String?
    /// The request's procedure code.
    public var procedure: String?
}
