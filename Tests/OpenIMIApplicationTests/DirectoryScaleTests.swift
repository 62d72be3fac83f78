import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

/// With 15,000 authorities the directory search reads indexes, never the whole table.
@Suite struct DirectoryScaleTests {
    @Test func searchOn15000AuthoritiesUsesTheIndexes() async throws {
        try await TestDatabase.withDatabase { database in
            let nimic = try await Samples.registerNational("DK", in: database)
            let areas = Array(try await RegistryRepository(sql: database.sql).legalAreaCodes()).sorted()
            let authorities = SyntheticDirectory.authorities(count: 15_000, legalAreas: areas, registrar: nimic.id.uuid)
            try await database.transaction { sql in try await AuthorityRepository(sql: sql).insert(batch: authorities, now: Date()) }
            try await database.transaction { sql in try await AuthorityRepository(sql: sql).analyze() }
            let repository = AuthorityRepository(sql: database.sql)

            let query = try DirectoryQuery(name: "laegeforening")
            let page = try await repository.search(query)
            #expect(page.total > 0 && page.total < 15_000)
            #expect(page.items.allSatisfy { $0.name.text(in: .da).contains("Lægeforeningen") })

            let plan = try await repository.searchPlan(query, kind: database.kind).joined(separator: "\n")
            switch database.kind {
            case .sqlite:
                #expect(plan.contains("authority_search_token USING COVERING INDEX"), "\(plan)")
                #expect(!plan.contains("SCAN a ") && !plan.contains("SCAN authority"), "\(plan)")
            case .postgresql:
                #expect(plan.contains("authority_search_token_pkey"), "\(plan)")
                #expect(!plan.contains("Seq Scan on authority_search_token") && !plan.contains("Seq Scan on authority "), "\(plan)")
            }
            print("Directory search plan (\(database.kind.rawValue), 15,000 authorities):\n\(plan)")
        }
    }
}
