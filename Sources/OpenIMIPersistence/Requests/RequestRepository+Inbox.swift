import Foundation
import OpenIMIDomain
import SQLKit

extension RequestRepository {
    /// The columns of a `RequestSummary`.
    static let summaryColumns =
        "id, procedure, legal_area, requester_id, responder_id, state, deadline, proposed_deadline, allocated_to, version, updated_at"

    /// The condition of the partial inbox indexes of migration 6, spelt out literally because the
    /// query planners use a partial index only when the query repeats its condition.
    static let openPredicate =
        "state NOT IN (\(RequestState.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")))"

    /// Summaries of the requests of `organisation` in `areas` matching `query`, by deadline: as
    /// requester (drafts included), as current responder, and for coordinators as the one referred to.
    public func inbox(of organisation: Organisation, areas: Set<String>, query: InboxQuery) async throws -> [RequestSummary] {
        guard let statement = inboxSQL(of: organisation, areas: areas, query: query) else { return [] }
        return try await sql.raw(statement).all(decoding: RequestSummary.self)
    }

    /// The engine's plan for the inbox query, to show that a page reads indexes only.
    public func inboxPlan(
        of organisation: Organisation, areas: Set<String>, query: InboxQuery, kind: DatabaseKind
    ) async throws
        -> [String]
    {
        guard let statement = inboxSQL(of: organisation, areas: areas, query: query) else { return [] }
        return try await sql.plan(of: statement, kind: kind)
    }

    /// One branch per column naming the organisation, each limited to the page's window and merged by deadline.
    private func inboxSQL(of organisation: Organisation, areas: Set<String>, query: InboxQuery) -> SQLQueryString? {
        guard let id = organisation.id.uuid, !areas.isEmpty, !query.states.isEmpty else { return nil }
        let key = id.uuidString.lowercased()
        let window = query.offset + query.limit
        let branches = Self.branches(of: organisation).map { column, includesDrafts in
            let states = query.states.filter { includesDrafts || $0 != .draft }.map(\.rawValue).sorted()
            var part: SQLQueryString = "SELECT * FROM (SELECT \(unsafeRaw: Self.summaryColumns) FROM information_request WHERE "
            part = part + "\(ident: column) = \(bind: key) AND state IN (\(binds: states.isEmpty ? [""] : states))"
            part = part + " AND legal_area IN (\(binds: areas.sorted()))"
            if let user = query.allocatedTo { part = part + " AND allocated_to = \(bind: user.uuidString.lowercased())" }
            if query.states.isSubset(of: InboxQuery.openStates) { part = part + " AND \(unsafeRaw: Self.openPredicate)" }
            return part + " ORDER BY deadline, id LIMIT \(literal: window)) AS \(ident: column + "_rows")"
        }
        guard let first = branches.first else { return nil }
        let union = branches.dropFirst().reduce(first) { $0 + " UNION ALL " + $1 }
        return union + " ORDER BY deadline, id LIMIT \(literal: query.limit) OFFSET \(literal: query.offset)"
    }

    /// How many requests of `organisation` in `areas` are in each of `states` (by default the open
    /// ones, which stay few while finished ones accumulate for years).
    public func inboxCounts(
        of organisation: Organisation, areas: Set<String>, states: Set<RequestState> = InboxQuery.openStates
    ) async throws -> [RequestState: Int] {
        guard let id = organisation.id.uuid, !areas.isEmpty, !states.isEmpty else { return [:] }
        var counts: [RequestState: Int] = [:]
        for (column, includesDrafts) in Self.branches(of: organisation) {
            let rows = try await sql.raw(
                "SELECT state, COUNT(*) AS n FROM information_request WHERE \(ident: column) = \(bind: id.uuidString.lowercased()) AND legal_area IN (\(binds: areas.sorted())) AND state IN (\(binds: states.map(\.rawValue).sorted())) GROUP BY state"
            ).all()
            for row in rows {
                let state = try row.decode(column: "state", as: RequestState.self, table: "information_request")
                guard includesDrafts || state != .draft else { continue }
                counts[state, default: 0] += try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// The columns naming `organisation` in a request, and whether drafts count there.
    private static func branches(of organisation: Organisation) -> [(String, Bool)] {
        switch organisation.kind {
        case .authority: [("requester_id", true), ("responder_id", false)]
        case .nationalCoordinator, .areaCoordinator: [("referred_to", false)]
        case .platform: []
        }
    }
}
