import Foundation
import OpenIMIDomain
import SQLKit

/// The automatic routing each member state's alert coordinators set per legal area: the
/// authorities an incoming alert of the area is routed to as it arrives.
public struct AlertRoutingRuleRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The authorities each of `states` routes alerts of `legalArea` to automatically.
    public func rules(for legalArea: String, in states: Set<MemberStateCode>) async throws -> [MemberStateCode: Set<UUID>] {
        guard !states.isEmpty else { return [:] }
        var rules: [MemberStateCode: Set<UUID>] = [:]
        for row in try await sql.select().columns("member_state", "authority_id").from("alert_routing_rule")
            .where("legal_area", .equal, legalArea).where("member_state", .in, states.map(\.rawValue).sorted()).all()
        {
            let state = try row.decode(column: "member_state", as: MemberStateCode.self, table: "alert_routing_rule")
            rules[state, default: []].insert(try row.decodeUUID(column: "authority_id", table: "alert_routing_rule"))
        }
        return rules
    }

    /// The automatic routing of `state`, by legal area.
    public func rules(of state: MemberStateCode) async throws -> [String: Set<UUID>] {
        var rules: [String: Set<UUID>] = [:]
        for row in try await sql.select().columns("legal_area", "authority_id").from("alert_routing_rule")
            .where("member_state", .equal, state.rawValue).all()
        {
            rules[try row.decode(column: "legal_area", as: String.self), default: []].insert(
                try row.decodeUUID(column: "authority_id", table: "alert_routing_rule"))
        }
        return rules
    }

    /// Replaces the automatic routing of `state` for `legalArea` with `authorities` (none: alerts
    /// wait for a coordinator again). Run inside a transaction.
    public func replace(state: MemberStateCode, legalArea: String, with authorities: Set<UUID>, by user: UUID, at now: Date) async throws {
        try await sql.delete(from: "alert_routing_rule").where("member_state", .equal, state.rawValue)
            .where("legal_area", .equal, legalArea).run()
        guard !authorities.isEmpty else { return }
        let insert = sql.insert(into: "alert_routing_rule").columns("member_state", "legal_area", "authority_id", "set_by", "set_at")
        for authority in authorities.sorted(by: { $0.uuidString < $1.uuidString }) {
            insert.values(
                SQLBind(state.rawValue), SQLBind(legalArea), SQLBind(authority.uuidString.lowercased()),
                SQLBind(user.uuidString.lowercased()), SQLBind(now.epochSeconds))
        }
        try await insert.run()
    }
}
