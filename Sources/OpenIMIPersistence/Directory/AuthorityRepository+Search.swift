import OpenIMIDomain
import SQLKit

extension AuthorityRepository {
    /// One page of the authorities matching `query`, ordered by English name.
    ///
    /// Name and keyword words are looked up first, each as a range scan on the token index
    /// (`token >= w AND token < w'`), intersected, and materialised; only the matching authorities
    /// are then read by primary key. The cost grows with the matches, not with the directory.
    public func search(_ query: DirectoryQuery) async throws -> Page<Authority> {
        let total =
            try await sql.raw(searchSQL(query, projection: "COUNT(*) AS total", paged: false)).first()?
            .decode(column: "total", as: Int.self) ?? 0
        let records = try await sql.raw(searchSQL(query, projection: "a.*", paged: true))
            .all(decoding: AuthorityRecord.self)
        return Page(items: try await hydrate(records), page: query.page, perPage: query.perPage, total: total)
    }

    /// The statement of a search; the page query when `paged`, else the count.
    func searchSQL(_ query: DirectoryQuery, projection: SQLQueryString, paged: Bool) -> SQLQueryString {
        var matches: [SQLQueryString] = []
        for (field, tokens) in [("name", query.nameTokens), ("keyword", query.keywordTokens)] {
            for token in tokens {
                matches.append(
                    """
                    SELECT authority_id FROM authority_search_token \
                    WHERE field = \(bind: field) AND token >= \(bind: token) AND token < \(bind: SearchText.upperBound(ofPrefix: token))
                    """)
            }
        }
        var statement: SQLQueryString = ""
        var source: SQLQueryString = "authority a"
        if !matches.isEmpty {
            // MATERIALIZED keeps the planner from walking every authority in name order to probe the tokens.
            statement = "WITH matched AS MATERIALIZED (" + matches.joined(separator: " INTERSECT ") + ") "
            source = "matched m JOIN authority a ON a.id = m.authority_id"
        }
        var conditions: [SQLQueryString] = ["a.status = \(bind: query.status.rawValue)"]
        if let state = query.memberState { conditions.append("a.member_state = \(bind: state.rawValue)") }
        if let area = query.legalArea {
            conditions.append("a.id IN (SELECT authority_id FROM authority_legal_area WHERE legal_area = \(bind: area))")
        }
        statement += "SELECT " + projection + " FROM " + source + " WHERE " + conditions.joined(separator: " AND ")
        if paged {
            statement += " ORDER BY a.sort_key, a.id LIMIT \(bind: query.perPage) OFFSET \(bind: query.offset)"
        }
        return statement
    }
}
