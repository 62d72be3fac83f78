import OpenIMIDomain
import Testing

@Suite struct SearchTextTests {
    private func finds(_ query: String, in name: String) -> Bool {
        let index = SearchText.indexTokens(name)
        return SearchText.queryTokens(query).allSatisfy { word in index.contains { $0.hasPrefix(word) } }
    }

    @Test func foldsDanishLettersBothWays() {
        #expect(finds("laegeforening", in: "Lægeforeningen"))
        #expect(finds("Lægeforening", in: "Lægeforeningen"))
        #expect(finds("aarhus", in: "Århus Kommune"))
        #expect(finds("arhus", in: "Århus Kommune"))
        #expect(finds("kobenhavn", in: "København"))
        #expect(finds("koebenhavn", in: "København"))
    }

    @Test func ignoresAccentsInLatinGreekAndCyrillic() {
        #expect(finds("zdravniska zbornica", in: "Zdravniška zbornica Slovenije"))
        #expect(finds("munchen", in: "Gewerbeaufsicht München"))
        #expect(finds("muenchen", in: "Gewerbeaufsicht München"))
        #expect(finds("ιατρικος", in: "Ιατρικός Σύλλογος Αθηνών"))
        #expect(finds("МИНИСТЕРСТВО", in: "Министерство на здравеопазването"))
        #expect(finds("scharnhorststrasse", in: "Scharnhorststraße"))
    }

    @Test func everyWordMustMatch() {
        #expect(!finds("zdravniska ljubljana", in: "Zdravniška zbornica Slovenije"))
        #expect(!finds("forening", in: "Lægeforeningen"))
    }

    @Test func upperBoundClosesThePrefixRange() {
        #expect(SearchText.upperBound(ofPrefix: "laege") == "laegf")
        let bound = SearchText.upperBound(ofPrefix: "laege")
        #expect("laegeforening" < bound && "laegf" >= bound && "laege" < bound)
        #expect(SearchText.upperBound(ofPrefix: "ab\u{D7FF}") == "ab\u{E000}")
    }
}

@Suite struct DirectoryQueryTests {
    @Test func refusesOutOfRangePagingAndOverlongText() {
        #expect(throws: DirectoryError.invalidField("page", .outOfRange(minimum: 1, maximum: 100_000))) { try DirectoryQuery(page: 0) }
        #expect(throws: DirectoryError.invalidField("perPage", .outOfRange(minimum: 1, maximum: 100))) { try DirectoryQuery(perPage: 101) }
        #expect(throws: DirectoryError.invalidField("name", .tooLong(maximum: 200))) {
            try DirectoryQuery(name: String(repeating: "a", count: 201))
        }
    }

    @Test func blankCriteriaAreIgnoredAndOffsetFollowsThePage() throws {
        let query = try DirectoryQuery(legalArea: " ", name: "  ", page: 3, perPage: 20)
        #expect(query.name == nil && query.legalArea == nil)
        #expect(query.offset == 40)
        #expect(Page(items: [Int](), page: 1, perPage: 20, total: 41).pageCount == 3)
    }
}
