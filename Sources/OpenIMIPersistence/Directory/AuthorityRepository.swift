import Foundation
import OpenIMIDomain
import SQLKit

/// Stores authorities, their legal areas and their search tokens.
public struct AuthorityRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a new authority with its legal areas and search tokens. Run inside a transaction.
    public func insert(_ authority: Authority, now: Date) async throws {
        try await sql.insert(into: "authority")
            .model(AuthorityRecord(authority, createdAt: now, updatedAt: now), keyEncodingStrategy: .convertToSnakeCase)
            .run()
        try await writeChildren(of: authority)
    }

    /// Inserts many authorities at once, for bulk loads and benchmarks. Run inside a transaction.
    public func insert(batch authorities: [Authority], now: Date) async throws {
        for chunk in authorities.chunked(into: 200) {
            try await sql.insert(into: "authority")
                .models(chunk.map { AuthorityRecord($0, createdAt: now, updatedAt: now) }, keyEncodingStrategy: .convertToSnakeCase)
                .run()
            let areas = chunk.flatMap { authority in authority.legalAreas.map { (authority.id, $0) } }
            for rows in areas.chunked(into: 400) {
                let insert = sql.insert(into: "authority_legal_area").columns("authority_id", "legal_area")
                for (id, area) in rows { insert.values(SQLBind(id.description), SQLBind(area)) }
                try await insert.run()
            }
            let tokens = chunk.flatMap { authority in Self.searchTokens(of: authority).map { (authority.id, $0.field, $0.token) } }
            for rows in tokens.chunked(into: 400) {
                let insert = sql.insert(into: "authority_search_token").columns("authority_id", "field", "token")
                for (id, field, token) in rows {
                    insert.values(SQLBind(id.description), SQLBind(field), SQLBind(token))
                }
                try await insert.run()
            }
        }
    }

    /// Replaces the stored details of `authority`. Run inside a transaction.
    public func update(_ authority: Authority, now: Date) async throws {
        let id = authority.id.description
        let existing = try await sql.select().column("created_at").from("authority").where("id", .equal, id).first()
        guard let existing else { throw DirectoryError.unknownAuthority(authority.id.uuid) }
        let createdAt = Date(timeIntervalSince1970: TimeInterval(try existing.decode(column: "created_at", as: Int64.self)))
        try await sql.update("authority")
            .set(model: AuthorityRecord(authority, createdAt: createdAt, updatedAt: now), keyEncodingStrategy: .convertToSnakeCase)
            .where("id", .equal, id)
            .run()
        try await sql.delete(from: "authority_legal_area").where("authority_id", .equal, id).run()
        try await sql.delete(from: "authority_search_token").where("authority_id", .equal, id).run()
        try await writeChildren(of: authority)
    }

    /// The authority with `id`, in any status.
    public func find(_ id: UUID) async throws -> Authority? {
        // One statement, legal areas included: it runs for every request of a signed-in authority user.
        guard
            let row = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns(of: "a", prefix: "", in: sql)) FROM authority a
                WHERE a.id = \(bind: id.uuidString.lowercased())
                """
            ).first()
        else { return nil }
        return try Self.authority(in: row, prefix: "")
    }

    /// The columns of authority `alias` of a statement with its legal areas, each named `prefix` +
    /// its column: for a statement that reads an authority, alone or joined to another row;
    /// ``authority(in:prefix:)`` reads them back.
    static func columns(of alias: String, prefix: String, in sql: any SQLDatabase) -> String {
        AuthorityRecord.CodingKeys.allCases.map { "\(alias).\($0.stringValue) AS \(prefix)\($0.stringValue)" }
            .joined(separator: ", ")
            + ", (SELECT \(JSONText.arrayAggregate("l.legal_area", in: sql)) FROM authority_legal_area l "
            + "WHERE l.authority_id = \(alias).id) AS \(prefix)legal_area_codes"
    }

    /// The authority in the columns ``columns(of:prefix:in:)`` named in `row`; nil where a join found none.
    static func authority(in row: some SQLRow, prefix: String) throws -> Authority? {
        guard try !row.decodeNil(column: prefix + AuthorityRecord.CodingKeys.id.stringValue) else { return nil }
        let areas = try JSONText.decodeStrings(try row.decode(column: prefix + "legal_area_codes", as: String?.self) ?? "[]")
        return try AuthorityRecord(row: row, prefix: prefix).authority(legalAreas: areas.sorted())
    }

    /// The authorities among `ids`, in one query whatever their number.
    public func find(_ ids: Set<AuthorityID>) async throws -> [AuthorityID: Authority] {
        guard !ids.isEmpty else { return [:] }
        let records = try await sql.select().column("*").from("authority")
            .where("id", .in, ids.map(\.description).sorted())
            .all(decoding: AuthorityRecord.self)
        return Dictionary(uniqueKeysWithValues: try await hydrate(records).map { ($0.id, $0) })
    }

    /// Authorities in `state`, in any status, ordered by name; for coordinators' lists.
    public func list(memberState: MemberStateCode, limit: Int = 500) async throws -> [Authority] {
        let records = try await sql.select().column("*").from("authority")
            .where("member_state", .equal, memberState.rawValue)
            .orderBy("sort_key").orderBy("id").limit(limit)
            .all(decoding: AuthorityRecord.self)
        return try await hydrate(records)
    }

    /// The validated authorities of `states` registered in `legalArea`, in one query whatever the
    /// number of states.
    public func validatedIDs(in states: Set<MemberStateCode>, legalArea: String) async throws -> [UUID] {
        guard !states.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT a.id FROM authority a JOIN authority_legal_area l ON l.authority_id = a.id
            WHERE a.member_state IN (\(binds: states.map(\.rawValue).sorted())) AND l.legal_area = \(bind: legalArea)
              AND a.status = \(bind: AuthorityStatus.validated.rawValue)
            ORDER BY a.id
            """
        ).all().compactMap { UUID(uuidString: try $0.decode(column: "id", as: String.self)) }
    }

    /// Attaches legal areas to rows and turns them into domain values, keeping their order.
    func hydrate(_ records: [AuthorityRecord]) async throws -> [Authority] {
        guard !records.isEmpty else { return [] }
        let rows = try await sql.select().column("authority_id").column("legal_area").from("authority_legal_area")
            .where("authority_id", .in, records.map(\.id)).all()
        var areas: [String: [String]] = [:]
        for row in rows {
            areas[try row.decode(column: "authority_id", as: String.self), default: []]
                .append(try row.decode(column: "legal_area", as: String.self))
        }
        return try records.map { try $0.authority(legalAreas: areas[$0.id] ?? []) }
    }

    private func writeChildren(of authority: Authority) async throws {
        let id = authority.id.description
        if !authority.legalAreas.isEmpty {
            let insert = sql.insert(into: "authority_legal_area").columns("authority_id", "legal_area")
            for area in Set(authority.legalAreas).sorted() { insert.values(SQLBind(id), SQLBind(area)) }
            try await insert.run()
        }
        let tokens = Self.searchTokens(of: authority)
        if !tokens.isEmpty {
            let insert = sql.insert(into: "authority_search_token").columns("authority_id", "field", "token")
            for token in tokens { insert.values(SQLBind(id), SQLBind(token.field), SQLBind(token.token)) }
            try await insert.run()
        }
    }

    /// The index rows of `authority`: name tokens in every language and keyword tokens.
    static func searchTokens(of authority: Authority) -> [(field: String, token: String)] {
        let names = authority.name.values.values.reduce(into: Set<String>()) { $0.formUnion(SearchText.indexTokens($1)) }
        let keywords = authority.keywords.reduce(into: Set<String>()) { $0.formUnion(SearchText.indexTokens($1)) }
        return names.sorted().map { ("name", $0) } + keywords.sorted().map { ("keyword", $0) }
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
