import OpenIMIDomain
import SQLKit

extension AuthorityRepository {
    /// One page of the authorities matching `query`, ordered by English name.
    ///
    /// Each name or keyword word is a range scan on the token index (`token >= w AND token < w'`),
    /// so the cost grows with the matches, not with the size of the directory.
    public func search(_ query: DirectoryQuery) async throws -> Page<Authority> {
        let countRow = try await filtered(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total"), query).first()
        let total = try countRow?.decode(column: "total", as: Int.self) ?? 0
        let records = try await filtered(sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("a"))), query)
            .orderBy(SQLColumn("sort_key", table: "a")).orderBy(SQLColumn("id", table: "a"))
            .limit(query.perPage).offset(query.offset)
            .all(decoding: AuthorityRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Page(items: try await hydrate(records), page: query.page, perPage: query.perPage, total: total)
    }

    /// The SQL and binds of the search's page query, for inspecting its plan.
    public func searchStatement(_ query: DirectoryQuery) -> (sql: String, binds: [any Encodable & Sendable]) {
        let builder = filtered(sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("a"))), query)
            .orderBy(SQLColumn("sort_key", table: "a")).orderBy(SQLColumn("id", table: "a"))
            .limit(query.perPage).offset(query.offset)
        return sql.serialize(builder.query)
    }

    private func filtered(_ select: SQLSelectBuilder, _ query: DirectoryQuery) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier("authority"), as: SQLIdentifier("a")))
            .where(SQLColumn("status", table: "a"), .equal, SQLBind(query.status.rawValue))
        if let state = query.memberState {
            select = select.where(SQLColumn("member_state", table: "a"), .equal, SQLBind(state.rawValue))
        }
        if let area = query.legalArea {
            select = select.where(
                SQLColumn("id", table: "a"), .in,
                SQLGroupExpression(
                    sql.select().column("authority_id").from("authority_legal_area").where("legal_area", .equal, area).select))
        }
        for (field, tokens) in [("name", query.nameTokens), ("keyword", query.keywordTokens)] {
            for token in tokens {
                select = select.where(
                    SQLColumn("id", table: "a"), .in,
                    SQLGroupExpression(
                        sql.select().column("authority_id").from("authority_search_token")
                            .where("field", .equal, field)
                            .where("token", .greaterThanOrEqual, token)
                            .where("token", .lessThan, SearchText.upperBound(ofPrefix: token))
                            .select))
            }
        }
        return select
    }
}
