import Foundation
import OpenIMIDomain
import SQLKit

/// Which requests an inbox lists.
public struct InboxQuery: Sendable, Hashable {
    /// The states listed; by default the open ones.
    public var states: Set<RequestState>
    /// Only requests allocated to this user.
    public var allocatedTo: UUID?
    /// Rows to skip, for paging.
    public var offset: Int
    /// Rows per page.
    public var limit: Int

    /// The open states: everything not closed or withdrawn.
    public static let openStates = Set(RequestState.allCases.filter { !$0.isFinal })

    /// Creates a query.
    public init(states: Set<RequestState> = InboxQuery.openStates, allocatedTo: UUID? = nil, offset: Int = 0, limit: Int = 50) {
        self.states = states
        self.allocatedTo = allocatedTo
        self.offset = max(0, offset)
        self.limit = min(max(1, limit), 200)
    }
}

/// What an inbox shows of a request: no personal data.
public struct RequestSummary: Sendable, Codable, Hashable {
    public var id: String
    public var procedure: String
    public var legalArea: String
    public var requesterId: String
    public var responderId: String
    public var state: String
    public var deadline: Int64
    public var proposedDeadline: Int64?
    public var allocatedTo: String?
    public var version: Int
    public var updatedAt: Int64
}

extension RequestRepository {
    static let summaryColumns =
        "id, procedure, legal_area, requester_id, responder_id, state, deadline, proposed_deadline, allocated_to, version, updated_at"

    /// Summaries of the requests of `organisation` in `areas` matching `query`, by deadline: as
    /// requester (drafts included), as current responder, and for coordinators as the one referred to.
    public func inbox(of organisation: Organisation, areas: Set<String>, query: InboxQuery) async throws -> [RequestSummary] {
        guard let id = organisation.id, !areas.isEmpty, !query.states.isEmpty else { return [] }
        let key = id.uuidString.lowercased()
        let window = query.offset + query.limit
        let branches = Self.branches(of: organisation).map { column, includesDrafts in
            let states = query.states.filter { includesDrafts || $0 != .draft }.map(\.rawValue).sorted()
            var part: SQLQueryString = "SELECT * FROM (SELECT \(unsafeRaw: Self.summaryColumns) FROM information_request WHERE "
            part = part + "\(ident: column) = \(bind: key) AND state IN (\(binds: states.isEmpty ? [""] : states))"
            part = part + " AND legal_area IN (\(binds: areas.sorted()))"
            if let user = query.allocatedTo { part = part + " AND allocated_to = \(bind: user.uuidString.lowercased())" }
            return part + " ORDER BY deadline, id LIMIT \(literal: window)) AS \(ident: column + "_rows")"
        }
        guard let first = branches.first else { return [] }
        let union = branches.dropFirst().reduce(first) { $0 + " UNION ALL " + $1 }
        return try await sql.raw(union + " ORDER BY deadline, id LIMIT \(literal: query.limit) OFFSET \(literal: query.offset)")
            .all(decoding: RequestSummary.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// How many requests of `organisation` in `areas` are in each of `states` (by default the open
    /// ones, which stay few while finished ones accumulate for years).
    public func inboxCounts(
        of organisation: Organisation, areas: Set<String>, states: Set<RequestState> = InboxQuery.openStates
    ) async throws -> [RequestState: Int] {
        guard let id = organisation.id, !areas.isEmpty, !states.isEmpty else { return [:] }
        var counts: [RequestState: Int] = [:]
        for (column, includesDrafts) in Self.branches(of: organisation) {
            let rows = try await sql.raw(
                "SELECT state, COUNT(*) AS n FROM information_request WHERE \(ident: column) = \(bind: id.uuidString.lowercased()) AND legal_area IN (\(binds: areas.sorted())) AND state IN (\(binds: states.map(\.rawValue).sorted())) GROUP BY state"
            ).all()
            for row in rows {
                guard let state = RequestState(rawValue: try row.decode(column: "state", as: String.self)),
                    includesDrafts || state != .draft
                else { continue }
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
