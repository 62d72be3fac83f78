import OpenIMIDomain
import Testing

@Suite struct LanguageTests {
    @Test func coversTheTwentySixEEALanguages() {
        #expect(Language.allCases.count == 26)
        #expect(Language.allCases.contains(.is) && Language.allCases.contains(.nb) && Language.allCases.contains(.ga))
    }

    @Test func parsesRegionTagsAndCase() {
        #expect(Language(code: "da-DK") == .da)
        #expect(Language(code: "SL") == .sl)
        #expect(Language(code: "xx") == nil)
        #expect(Language(code: "") == nil)
    }

    @Test func localizedTextFallsBackToEnglish() {
        let text = LocalizedText([.en: "Services", .da: "Tjenesteydelser"])
        #expect(text.text(in: .da) == "Tjenesteydelser")
        #expect(text.text(in: .sl) == "Services")
    }
}

@Suite struct MemberStateCodeTests {
    @Test func acceptsExactlyTheThirtyEEAStates() {
        #expect(Set(MemberStateCode.eea).count == 30)
        for code in MemberStateCode.eea { #expect(MemberStateCode(rawValue: code) != nil) }
        #expect(MemberStateCode(rawValue: "dk")?.rawValue == "DK")
        for code in ["GB", "CH", "XX", "", "DKK"] { #expect(MemberStateCode(rawValue: code) == nil) }
    }
}
