import OpenIMIDomain

/// What a supervisory export states of one request: no personal data, only its kind, parties,
/// state and dates.
public struct SupervisedRequest: Sendable {
    /// The request's id, as stored.
    public let id: String
    /// Its number (`DK-2026-000123`).
    public let number: String
    /// Its procedure code.
    public let procedure: String
    /// Its legal area code.
    public let legalArea: String
    /// Its workflow state, as stored.
    public let state: String
    /// The ids of the questions asked.
    public let questions: [String]
    /// Its parties.
    public let involvement: Involvement
    /// Its retention phase, as stored.
    public let retentionPhase: String
    /// When it was created, in seconds since 1970.
    public let createdAt: Int64
    /// When it was formally closed, if it was.
    public let formalClosureAt: Int64?
}
