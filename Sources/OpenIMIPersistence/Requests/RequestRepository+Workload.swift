import Foundation
import OpenIMIDomain
import SQLKit

/// How many open requests an organisation has in one situation: its side, the state, whether a
/// deadline proposal waits, and how many of them are overdue or due soon. No personal data.
public struct WorkloadCount: Sendable, Hashable {
    /// The organisation's side of these requests.
    public let party: RequestParty
    /// Their state.
    public let state: RequestState
    /// Whether a proposed deadline waits for the requester's decision.
    public let hasProposedDeadline: Bool
    /// How many.
    public let count: Int
    /// How many of them have a running deadline that passed.
    public let overdue: Int
    /// How many of them have a running deadline before the "due soon" moment (overdue included).
    public let dueSoon: Int
}

/// Open requests counted for a coordinator's scope: no personal data, no single request.
public struct ScopeCounts: Sendable, Hashable {
    /// Requests not closed or withdrawn.
    public let open: Int
    /// Open requests whose running deadline passed.
    public let overdue: Int
    /// Requests referred to a coordinator.
    public let referred: Int
}

extension RequestRepository {
    /// The open requests of `organisation` in `areas` by side, state and deadline proposal, with
    /// how many are overdue at `now` or due before `soon`.
    public func workload(of organisation: Organisation, areas: Set<String>, now: Date, soon: Date) async throws -> [WorkloadCount] {
        guard let id = organisation.id.uuid, !areas.isEmpty else { return [] }
        let running = InboxQuery.runningStates.map(\.rawValue).sorted()
        var counts: [WorkloadCount] = []
        for branch in Self.branches(of: organisation) {
            let rows = try await sql.raw(
                """
                SELECT state, CASE WHEN proposed_deadline IS NULL THEN 0 ELSE 1 END AS proposal, COUNT(*) AS n,
                  SUM(CASE WHEN state IN (\(binds: running)) AND deadline < \(bind: now.epochSeconds) THEN 1 ELSE 0 END) AS overdue,
                  SUM(CASE WHEN state IN (\(binds: running)) AND deadline < \(bind: soon.epochSeconds) THEN 1 ELSE 0 END) AS due_soon
                FROM information_request
                WHERE \(ident: branch.column) = \(bind: id.uuidString.lowercased()) AND legal_area IN (\(binds: areas.sorted()))
                  AND \(unsafeRaw: Self.openPredicate) AND \(unsafeRaw: Self.liveDraftPredicate)
                GROUP BY state, CASE WHEN proposed_deadline IS NULL THEN 0 ELSE 1 END
                """
            ).all()
            for row in rows {
                let state = try row.decode(column: "state", as: RequestState.self, table: "information_request")
                guard branch.includesDrafts || state != .draft else { continue }
                counts.append(
                    WorkloadCount(
                        party: branch.party, state: state, hasProposedDeadline: try row.decode(column: "proposal", as: Int.self) == 1,
                        count: try row.decode(column: "n", as: Int.self), overdue: try row.decode(column: "overdue", as: Int?.self) ?? 0,
                        dueSoon: try row.decode(column: "due_soon", as: Int?.self) ?? 0))
            }
        }
        return counts
    }

    /// How many open requests of `organisation` are allocated to `user`.
    public func allocatedCount(of organisation: Organisation, to user: UUID, areas: Set<String>) async throws -> Int {
        guard let id = organisation.id.uuid, !areas.isEmpty else { return 0 }
        return try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM information_request
            WHERE responder_id = \(bind: id.uuidString.lowercased()) AND allocated_to = \(bind: user.uuidString.lowercased())
              AND legal_area IN (\(binds: areas.sorted())) AND \(unsafeRaw: Self.openPredicate)
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Counts of the requests sent or received by authorities of `memberState` (in `areas`, when
    /// given): open, overdue at `now`, and referred.
    public func scopeCounts(of memberState: MemberStateCode, areas: Set<String>?, now: Date) async throws -> ScopeCounts {
        let running = InboxQuery.runningStates.map(\.rawValue).sorted()
        var statement: SQLQueryString = """
            SELECT COUNT(*) AS open,
              SUM(CASE WHEN state IN (\(binds: running)) AND deadline < \(bind: now.epochSeconds) THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN state = 'referred' THEN 1 ELSE 0 END) AS referred
            FROM information_request
            WHERE \(unsafeRaw: Self.openPredicate) AND state <> 'draft'
              AND (requester_id IN (SELECT id FROM authority WHERE member_state = \(bind: memberState.rawValue))
                OR responder_id IN (SELECT id FROM authority WHERE member_state = \(bind: memberState.rawValue)))
            """
        if let areas { statement = statement + " AND legal_area IN (\(binds: areas.isEmpty ? [""] : areas.sorted()))" }
        let row = try await sql.raw(statement).first()
        return ScopeCounts(
            open: try row?.decode(column: "open", as: Int.self) ?? 0, overdue: try row?.decode(column: "overdue", as: Int?.self) ?? 0,
            referred: try row?.decode(column: "referred", as: Int?.self) ?? 0)
    }
}
