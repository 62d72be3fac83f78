import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

extension IdentityService {
    /// Records that the principal confirmed the current user list of `organisation`.
    public func confirmUserList(of organisation: Organisation, by principal: Principal, now: Date) async throws -> UserListConfirmation {
        try authorize(principal, .confirmUserList, on: .organisation(organisation))
        return try await database.transaction { sql in
            let users = try await UserRepository(sql: sql).users(of: organisation.id)
            let listing = users.map { "\($0.username)|\($0.status.rawValue)|\($0.roles.sorted().map(\.code).joined(separator: ","))" }
            let confirmation = UserListConfirmation(
                confirmedBy: principal.user.id.uuid, confirmedAt: now, userCount: users.count,
                listDigest: OpaqueToken.hash(listing.joined(separator: "\n")))
            try await UserListConfirmationRepository(sql: sql).insert(confirmation, of: organisation.id)
            return confirmation
        }
    }

    /// The confirmation status of one organisation; the clock starts with its first user.
    public func userListStatus(of organisation: Organisation, now: Date) async throws -> UserListStatus {
        let confirmation = try await UserListConfirmationRepository(sql: database.sql).latest(of: organisation.id)
        let users = try await UserRepository(sql: database.sql).users(of: organisation.id)
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
