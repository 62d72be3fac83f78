import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// A recorded confirmation that an organisation's user list is up to date.
public struct UserListConfirmation: Sendable, Hashable {
    /// Who confirmed.
    public let confirmedBy: UUID
    /// When.
    public let confirmedAt: Date
    /// How many users the list had.
    public let userCount: Int
    /// SHA-256 over the confirmed list (usernames, statuses, roles), to prove which list it was.
    public let listDigest: String
}

/// Where an organisation stands with its user-list confirmations.
public struct UserListStatus: Sendable, Hashable {
    /// The organisation.
    public let organisation: Organisation
    /// The last confirmation, if any.
    public let last: UserListConfirmation?
    /// When the next one is due.
    public let dueDate: Date
    /// Whether it is overdue.
    public let isOverdue: Bool
}

extension IdentityService {
    /// Records that the principal confirmed the current user list of `organisation`.
    public func confirmUserList(of organisation: Organisation, by principal: Principal, now: Date) async throws -> UserListConfirmation {
        try authorize(principal, .confirmUserList, on: .organisation(organisation))
        return try await database.transaction { sql in
            let users = try await UserRepository(sql: sql).users(of: organisation.kind, id: organisation.id)
            let listing = users.map { "\($0.username)|\($0.status.rawValue)|\($0.roles.sorted().map(\.code).joined(separator: ","))" }
            let confirmation = UserListConfirmation(
                confirmedBy: principal.user.id, confirmedAt: now, userCount: users.count,
                listDigest: OpaqueToken.hash(listing.joined(separator: "\n")))
            try await sql.insert(into: "user_list_confirmation")
                .columns("id", "organisation_kind", "organisation_id", "confirmed_by", "confirmed_at", "user_count", "list_digest")
                .values(
                    SQLBind(UUID().uuidString.lowercased()), SQLBind(organisation.kind.rawValue),
                    SQLBind(organisation.id?.uuidString.lowercased() ?? ""), SQLBind(principal.user.id.uuidString.lowercased()),
                    SQLBind(now.epochSeconds), SQLBind(confirmation.userCount), SQLBind(confirmation.listDigest)
                )
                .run()
            return confirmation
        }
    }

    /// The confirmation status of one organisation; the clock starts with its first user.
    public func userListStatus(of organisation: Organisation, now: Date) async throws -> UserListStatus {
        let key = organisation.id?.uuidString.lowercased() ?? ""
        let last = try await database.sql.select().column("*").from("user_list_confirmation")
            .where("organisation_kind", .equal, organisation.kind.rawValue).where("organisation_id", .equal, key)
            .orderBy("confirmed_at", .descending).limit(1).first()
        let confirmation = try last.map { row in
            UserListConfirmation(
                confirmedBy: try row.decodeUUID(column: "confirmed_by", table: "user_list_confirmation"),
                confirmedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "confirmed_at", as: Int64.self))),
                userCount: try row.decode(column: "user_count", as: Int.self),
                listDigest: try row.decode(column: "list_digest", as: String.self))
        }
        let users = try await UserRepository(sql: database.sql).users(of: organisation.kind, id: organisation.id)
        let start = users.map(\.createdAt).min() ?? now
        return UserListStatus(
            organisation: organisation, last: confirmation,
            dueDate: userLists.dueDate(lastConfirmed: confirmation?.confirmedAt, since: start),
            isOverdue: !users.isEmpty && userLists.isOverdue(lastConfirmed: confirmation?.confirmedAt, since: start, at: now))
    }

    /// The authorities of the principal's state whose user lists are overdue, for its national coordinator.
    public func overdueUserLists(
        of state: MemberStateCode, by principal: Principal, now: Date
    ) async throws -> [(Authority, UserListStatus)] {
        try authorize(principal, .viewOverdueUserLists, on: .memberState(state))
        var overdue: [(Authority, UserListStatus)] = []
        for authority in try await AuthorityRepository(sql: database.sql).list(memberState: state, limit: 100_000) {
            let status = try await userListStatus(of: Organisation(authority: authority), now: now)
            if status.isOverdue { overdue.append((authority, status)) }
        }
        return overdue
    }
}
