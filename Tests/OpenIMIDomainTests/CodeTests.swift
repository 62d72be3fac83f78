import Foundation
import Testing

@testable import OpenIMIDomain

@Suite struct CodeTests {
    @Test func codesAreLowerCaseWordsJoinedByHyphens() {
        for good in ["services", "pq-information-request", "e-commerce", "gdpr-one-stop-shop", "a", String(repeating: "a", count: 64)] {
            #expect(LegalAreaCode(rawValue: good)?.rawValue == good, "\(good)")
        }
        for bad in ["", "Services", "1services", "-x", "x y", "x_y", "ü", "x\u{0}", String(repeating: "a", count: 65)] {
            #expect(LegalAreaCode(rawValue: bad) == nil, "\(bad.debugDescription)")
        }
    }

    @Test func aMalformedCodeDoesNotDecode() throws {
        let area: LegalAreaCode = "professional-qualifications"
        let encoded = try JSONEncoder().encode([area])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["professional-qualifications"]"#)
        #expect(try JSONDecoder().decode([LegalAreaCode].self, from: encoded) == [area])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ProcedureCode].self, from: Data(#"["Not A Code"]"#.utf8)) }
    }
}
