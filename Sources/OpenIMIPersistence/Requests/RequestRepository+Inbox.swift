import Foundation
import OpenIMIDomain
import SQLKit

extension RequestRepository {
    /// The columns of a `RequestSummary`.
    static let summaryColumns =
        "id, number, procedure, legal_area, requester_id, responder_id, state, deadline, proposed_deadline, allocated_to, version, updated_at, sent_at"

    /// The condition of the partial inbox indexes of migration 6, spelt out literally because the
    /// query planners use a partial index only when the query repeats its condition.
    static let openPredicate =
        "state NOT IN (\(RequestState.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")))"

    /// A deleted draft is gone for its authority: it was never sent, so no list shows it.
    static let liveDraftPredicate = "(state <> 'draft' OR retention_phase = 'active')"

    /// Summaries of the requests of `organisation` in `areas` matching `query`, by deadline: as
    /// requester (drafts included), as current responder, and for coordinators as the one referred to.
    public func inbox(of organisation: Organisation, areas: Set<String>, query: InboxQuery) async throws -> [RequestSummary] {
        guard let statement = inboxSQL(of: organisation, areas: areas, query: query) else { return [] }
        return try await sql.raw(statement).all().map { try RequestSummary(row: $0) }
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

    /// One branch per column naming the organisation, each limited to the page's window and merged in the page's order.
    private func inboxSQL(of organisation: Organisation, areas: Set<String>, query: InboxQuery) -> SQLQueryString? {
        guard let id = organisation.id.uuid, !areas.isEmpty, !query.states.isEmpty else { return nil }
        let key = id.uuidString.lowercased()
        let window = query.offset + query.limit
        let branches = Self.branches(of: organisation).filter { branch in
            query.direction.map { branch.party == .coordinator || ($0 == .sent) == (branch.party == .requester) } ?? true
        }.map { branch in
            let states = query.states.filter { branch.includesDrafts || $0 != .draft }.map(\.rawValue).sorted()
            var part: SQLQueryString = "SELECT * FROM (SELECT \(unsafeRaw: Self.summaryColumns) FROM information_request WHERE "
            part = part + "\(ident: branch.column) = \(bind: key) AND state IN (\(binds: states.isEmpty ? [""] : states))"
            part = part + " AND legal_area IN (\(binds: areas.sorted())) AND \(unsafeRaw: Self.liveDraftPredicate)"
            if query.states.isSubset(of: InboxQuery.openStates) { part = part + " AND \(unsafeRaw: Self.openPredicate)" }
            return part + Self.filters(query, branch: branch)
                + " ORDER BY \(unsafeRaw: query.sort.orderBy) LIMIT \(literal: window)) AS \(ident: branch.column + "_rows")"
        }
        guard let first = branches.first else { return nil }
        let union = branches.dropFirst().reduce(first) { $0 + " UNION ALL " + $1 }
        return union + " ORDER BY \(unsafeRaw: query.sort.orderBy) LIMIT \(literal: query.limit) OFFSET \(literal: query.offset)"
    }

    /// The search form's conditions, for one branch: the counterpart is the column of the other side.
    private static func filters(_ query: InboxQuery, branch: InboxBranch) -> SQLQueryString {
        var part: SQLQueryString = ""
        if let user = query.allocatedTo { part = part + " AND allocated_to = \(bind: user.uuidString.lowercased())" }
        if let number = query.number { part = part + " AND number = \(bind: number.description)" }
        if let procedure = query.procedure { part = part + " AND procedure = \(bind: procedure)" }
        if let counterpart = query.counterpart {
            let others = branch.counterpartColumns.map { "\(ident: $0) = \(bind: counterpart.uuidString.lowercased())" as SQLQueryString }
            part = part + " AND (" + others.dropFirst().reduce(others[0]) { $0 + " OR " + $1 } + ")"
        }
        if let state = query.counterpartState {
            let others = branch.counterpartColumns.map {
                "\(ident: $0) IN (SELECT id FROM authority WHERE member_state = \(bind: state.rawValue))" as SQLQueryString
            }
            part = part + " AND (" + others.dropFirst().reduce(others[0]) { $0 + " OR " + $1 } + ")"
        }
        if let from = query.sentFrom { part = part + " AND sent_at >= \(bind: from.epochSeconds)" }
        if let before = query.sentBefore { part = part + " AND sent_at < \(bind: before.epochSeconds)" }
        if let due = query.dueBefore {
            part = part + " AND deadline < \(bind: due.epochSeconds)"
            part = part + " AND state IN (\(binds: InboxQuery.runningStates.map(\.rawValue).sorted()))"
        }
        if let us = query.waitingForUs {
            let parties = us ? [branch.party] : RequestParty.allCases.filter { $0 != branch.party }
            let cases = parties.flatMap { RequestWorkflow.states(awaiting: $0) }.map { entry -> SQLQueryString in
                switch entry.hasProposedDeadline {
                case nil: "state = \(bind: entry.state.rawValue)"
                case true?: "(state = \(bind: entry.state.rawValue) AND proposed_deadline IS NOT NULL)"
                case false?: "(state = \(bind: entry.state.rawValue) AND proposed_deadline IS NULL)"
                }
            }
            part = part + " AND (" + (cases.dropFirst().reduce(cases.first ?? "1 = 0") { $0 + " OR " + $1 }) + ")"
        }
        return part
    }

    /// How many requests of `organisation` in `areas` are in each of `states` (by default the open
    /// ones), read from the ``InboxTally`` rather than counted request by request.
    public func inboxCounts(
        of organisation: Organisation, areas: Set<String>, states: Set<RequestState> = InboxQuery.openStates
    ) async throws -> [RequestState: Int] {
        guard let id = organisation.id.uuid, !areas.isEmpty, !states.isEmpty else { return [:] }
        let branches = Self.branches(of: organisation)
        return try await InboxTally(sql: sql).counts(
            parties: branches.map(\.column), draftsOf: branches.first(where: \.includesDrafts)?.column,
            organisation: id.uuidString.lowercased(), areas: areas, states: states)
    }

    /// The columns naming `organisation` in a request, with the party it is there.
    static func branches(of organisation: Organisation) -> [InboxBranch] {
        switch organisation.kind {
        case .authority:
            [
                InboxBranch(column: "requester_id", party: .requester, counterpartColumns: ["responder_id"]),
                InboxBranch(column: "responder_id", party: .responder, counterpartColumns: ["requester_id"]),
            ]
        case .nationalCoordinator, .areaCoordinator:
            [InboxBranch(column: "referred_to", party: .coordinator, counterpartColumns: ["requester_id", "responder_id"])]
        case .platform: []
        }
    }
}

/// One way an organisation appears in a request: the column naming it, the party it is, and the
/// columns naming the other side.
struct InboxBranch: Sendable {
    /// The column holding the organisation's id.
    let column: String
    /// The party it is in that role.
    let party: RequestParty
    /// The columns of the counterpart.
    let counterpartColumns: [String]

    /// Drafts are listed only for their requester.
    var includesDrafts: Bool { party == .requester }
}
