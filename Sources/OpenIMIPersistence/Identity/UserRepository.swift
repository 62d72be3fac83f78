import Foundation
import OpenIMIDomain
import SQLKit

/// Stores user accounts, their roles and credentials.
public struct UserRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a new account with its roles; a taken username is refused. Run inside a transaction.
    public func insert(_ user: UserAccount, now: Date) async throws {
        if try await record(username: user.username) != nil { throw IdentityError.usernameTaken }
        try await sql.insert(into: "user_account").model(UserRecord(user, now: now), keyEncodingStrategy: .convertToSnakeCase).run()
        try await replaceRoles(of: user.id.uuid, with: user.roles)
    }

    /// The record of `username`.
    public func record(username: String) async throws -> UserRecord? {
        try await sql.select().column("*").from("user_account").where("username", .equal, username)
            .first(decoding: UserRecord.self)
    }

    /// The record of `id`.
    public func record(id: UUID) async throws -> UserRecord? {
        try await sql.select().column("*").from("user_account").where("id", .equal, id.uuidString.lowercased())
            .first(decoding: UserRecord.self)
    }

    /// The account `id` with its roles.
    public func find(_ id: UUID) async throws -> UserAccount? {
        guard let record = try await record(id: id) else { return nil }
        return try record.user(roles: try await roles(of: [record.id])[record.id] ?? [])
    }

    /// The account of a record, with its roles.
    public func account(_ record: UserRecord) async throws -> UserAccount {
        try record.user(roles: try await roles(of: [record.id])[record.id] ?? [])
    }

    /// Every account of an organisation, ordered by username.
    public func users(of organisation: OrganisationID) async throws -> [UserAccount] {
        let organisationID: SQLQueryString =
            if let id = organisation.uuid { "u.organisation_id = \(bind: id.uuidString.lowercased())" } else { "u.organisation_id IS NULL" }
        return try await accounts(where: "u.organisation_kind = \(bind: organisation.kind.rawValue) AND \(organisationID)")
    }

    /// The full names of the accounts `ids`, for histories; ids not found are left out.
    public func fullNames(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns("id", "full_name").from("user_account")
            .where("id", .in, ids.map { $0.uuidString.lowercased() }.sorted()).all()
        var names: [UUID: String] = [:]
        for row in rows {
            if let id = UUID(uuidString: try row.decode(column: "id", as: String.self)) {
                names[id] = try row.decode(column: "full_name", as: String.self)
            }
        }
        return names
    }

    /// Every account whose organisation has `id`, whatever its kind.
    public func users(inOrganisation id: UUID) async throws -> [UserAccount] {
        try await accounts(where: "u.organisation_id = \(bind: id.uuidString.lowercased())")
    }

    /// The accounts meeting `condition` (on `user_account u`) with their roles, in one statement
    /// (every step reads its counterparts' users to notify them), ordered by username.
    private func accounts(where condition: SQLQueryString) async throws -> [UserAccount] {
        let rows = try await sql.raw(
            "SELECT u.*, \(unsafeRaw: Self.rolesColumn(in: sql)) FROM user_account u WHERE \(condition) ORDER BY u.username"
        ).all()
        return try rows.map { try UserRecord(row: $0).user(roles: try Self.roles(in: $0)) }
    }

    /// A column `user_roles` holding the roles of the account `u` of the statement, gathered in
    /// the statement that reads the account; ``roles(in:)`` reads it back.
    static func rolesColumn(in sql: any SQLDatabase) -> String {
        "(SELECT \(JSONText.arrayAggregate("r.role", in: sql)) FROM user_role r WHERE r.user_id = u.id) AS user_roles"
    }

    /// The roles in the `user_roles` column of `row` (see ``rolesColumn(in:)``); a code this
    /// version does not know is skipped, as when roles are read on their own.
    static func roles(in row: any SQLRow) throws -> Set<Role> {
        let codes = try JSONText.decodeStrings(try row.decode(column: "user_roles", as: String?.self) ?? "[]")
        return Set(codes.compactMap(Role.init(code:)))
    }

    /// Saves the changeable profile fields and status of `user` and replaces its roles. Run inside a transaction.
    public func update(_ user: UserAccount, now: Date) async throws {
        try await sql.update("user_account")
            .set("full_name", to: user.fullName).set("email", to: user.email).set("language", to: user.language.rawValue)
            .set("time_zone", to: user.timeZone).set("status", to: user.status.rawValue).set("updated_at", to: now.epochSeconds)
            .where("id", .equal, user.id.description).run()
        try await replaceRoles(of: user.id.uuid, with: user.roles)
    }

    /// Updates credential and counter columns of a user. Run inside a transaction.
    public func setColumns(_ id: UUID, _ values: [String: any Encodable & Sendable]) async throws {
        guard !values.isEmpty else { return }
        var update = sql.update("user_account")
        for (column, value) in values.sorted(by: { $0.key < $1.key }) { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
        try await update.where("id", .equal, id.uuidString.lowercased()).run()
    }

    private func replaceRoles(of id: UUID, with roles: Set<Role>) async throws {
        let key = id.uuidString.lowercased()
        try await sql.delete(from: "user_role").where("user_id", .equal, key).run()
        guard !roles.isEmpty else { return }
        let insert = sql.insert(into: "user_role").columns("user_id", "role")
        for role in roles.sorted() { insert.values(SQLBind(key), SQLBind(role.code)) }
        try await insert.run()
    }

    private func roles(of ids: [String]) async throws -> [String: Set<Role>] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("user_id").column("role").from("user_role").where("user_id", .in, ids).all()
        var result: [String: Set<Role>] = [:]
        for row in rows {
            let code = try row.decode(column: "role", as: String.self)
            guard let role = Role(code: code) else { continue }
            result[try row.decode(column: "user_id", as: String.self), default: []].insert(role)
        }
        return result
    }
}
