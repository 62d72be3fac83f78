import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@Suite struct ReferenceDataTests {
    @Test func filesDescribeThe30StatesAndEveryLegalAreaOfTheBrief() throws {
        let files = try ReferenceDataFiles.bundled()
        #expect(files.memberStates.count == 30)
        #expect(Set(files.memberStates.map(\.code.rawValue)) == Set(MemberStateCode.eea))
        #expect(files.memberStates.filter(\.isEUMember).count == 27)
        #expect(files.memberStates.allSatisfy { !$0.officialLanguages.isEmpty })
        let codes = Set(files.legalAreas.map(\.code))
        for expected: LegalAreaCode in [
            "professional-qualifications", "services", "posting-of-workers", "road-transport-posting", "patients-rights", "solvit",
            "euro-cash-transport", "cultural-objects", "public-documents", "e-commerce", "single-digital-gateway", "gdpr-cooperation",
            "train-drivers", "non-road-mobile-machinery",
        ] {
            #expect(codes.contains(expected), "missing \(expected)")
        }
        for area in files.legalAreas {
            #expect(!area.procedures.isEmpty && !area.legalActs.isEmpty, "\(area.code)")
            #expect(area.retention.blockAfterMonths <= 18)
            for language in [Language.en, .da, .sl] {
                #expect(area.name.values[language] != nil, "\(area.code) has no \(language) name")
                #expect(area.procedures.allSatisfy { $0.name.values[language] != nil }, "\(area.code) procedures lack \(language)")
                #expect(area.legalActs.allSatisfy { $0.citation.values[language] != nil })
            }
        }
        #expect(files.legalAreas.first { $0.code == "solvit" }?.consentIsLegalBasis == true)
        #expect(files.legalAreas.filter(\.consentIsLegalBasis).count == 1)
        let procedureCodes = files.legalAreas.flatMap { $0.procedures.map(\.code) }
        #expect(Set(procedureCodes).count == procedureCodes.count)
    }

    @Test func loadingTwiceChangesNothing() async throws {
        try await TestDatabase.withDatabase { database in
            let files = try ReferenceDataFiles.bundled()
            try await ReferenceDataLoader(database: database).load(files)
            let repository = RegistryRepository(sql: database.sql)
            let areas = try await repository.legalAreas()
            #expect(try await repository.memberStates().count == 30)
            #expect(areas.map(\.code) == files.legalAreas.map(\.code))
            #expect(areas == files.legalAreas)
            let procedures = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("procedure")
                .first()
            #expect(try procedures?.decode(column: "n", as: Int.self) == files.legalAreas.reduce(0) { $0 + $1.procedures.count })
        }
    }
}
