import Foundation
import OpenIMIDomain

/// A request the subject index found, without personal data: enough to decide who may know of it.
public struct IndexedRequest: Sendable, Hashable {
    /// The request.
    public let id: UUID
    /// Its number.
    public let number: String
    /// Its procedure code.
    public let procedure: String
    /// Its legal area code.
    public let legalArea: String
    /// Its state.
    public let state: RequestState
    /// Its retention phase.
    public let retentionPhase: RetentionPhase
    /// When it was created.
    public let createdAt: Date
    /// Its parties.
    public let involvement: Involvement
}
