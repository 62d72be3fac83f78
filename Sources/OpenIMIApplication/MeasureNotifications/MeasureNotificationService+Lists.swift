import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The notifications an organisation sees, by the part it plays.
public struct MeasureNotificationLists: Sendable {
    /// Drafted and sent by the principal's organisation.
    public let sent: [MeasureNotificationSummary]
    /// Sent to the principal's member state in areas it reads.
    public let received: [MeasureNotificationSummary]
}

extension MeasureNotificationService {
    /// The principal's notifications: those of its organisation and those its state received in
    /// the areas it may read (every area for the national coordinator, its areas for an area
    /// coordinator, the areas the authority is registered for and the user has a role in).
    public func lists(of principal: Principal) async throws -> MeasureNotificationLists {
        let repository = MeasureNotificationRepository(sql: database.sql)
        guard let organisation = principal.organisation.id.uuid else { return MeasureNotificationLists(sent: [], received: []) }
        let sent = try await repository.sent(by: organisation).filter { readable($0, by: principal) }
        var received: [MeasureNotificationSummary] = []
        if let state = principal.organisation.memberState {
            received = try await repository.received(in: state, areas: readableAreas(of: principal)).filter { readable($0, by: principal) }
        }
        return MeasureNotificationLists(sent: sent, received: received)
    }

    /// How many notifications the principal's state received in its areas since `since`.
    public func receivedCount(of principal: Principal, since: Date) async throws -> Int {
        guard let state = principal.organisation.memberState else { return 0 }
        return try await MeasureNotificationRepository(sql: database.sql).received(
            in: state, areas: readableAreas(of: principal), since: since
        ).filter { readable($0, by: principal) }.count
    }

    /// The areas whose notifications the principal may read as a recipient; nil for all.
    func readableAreas(of principal: Principal) -> Set<String>? {
        switch principal.organisation.kind {
        case .nationalCoordinator: return nil
        case .areaCoordinator:
            if case .area(let areas) = principal.organisation.coordinatorScope { return Set(areas) }
            return []
        case .authority: return principal.organisation.legalAreas
        case .platform: return []
        }
    }

    private func readable(_ summary: MeasureNotificationSummary, by principal: Principal) -> Bool {
        readable(
            sender: summary.sender, senderState: summary.senderState, legalArea: summary.legalArea.rawValue, state: summary.state,
            by: principal)
    }

    /// Whether the principal may read a notification of which its organisation is a party: the
    /// sender, or in a state it was sent to (lists and notices only hold such notifications).
    func readable(
        sender: UUID, senderState: MemberStateCode, legalArea: String, state: MeasureNotificationState, by principal: Principal
    ) -> Bool {
        let facts = MeasureNotificationFacts(
            sender: sender, senderState: senderState, legalArea: legalArea, state: state,
            recipientStates: principal.organisation.memberState.map { [$0] } ?? [])
        return AccessPolicy.decide(principal, .readNotification, on: .notification(facts)).isAllowed
    }
}
