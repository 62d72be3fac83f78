import Foundation
import OpenIMIDomain
import Testing

@testable import OpenIMIPersistence

/// `DecodedTexts` gives what decoding gives, keeps no more than it may, and keeps nothing that
/// failed to decode; an authority read back is the authority stored.
@Suite struct DecodedTextsTests {
    @Test func aTextSeenBeforeIsNotDecodedAgain() throws {
        let memo = DecodedTexts<LocalizedText>()
        var decodings = 0
        let text = #"{"da":"Styrelsen","en":"Agency"}"#
        for _ in 0..<3 {
            let value = try memo.value(of: text) {
                decodings += 1
                return try JSONText.decode(LocalizedText.self, from: $0)
            }
            #expect(value == LocalizedText([.da: "Styrelsen", .en: "Agency"]))
        }
        #expect(decodings == 1)
    }

    @Test func theMemoIsBoundedInCountAndLength() throws {
        let memo = DecodedTexts<String>(limit: 3, longest: 10)
        for index in 0..<10 { _ = try memo.value(of: "text \(index)") { $0 } }
        #expect(memo.count <= 3)
        _ = try memo.value(of: String(repeating: "x", count: 11)) { $0 }
        #expect(memo.count <= 3)
        let fresh = DecodedTexts<String>(limit: 3, longest: 10)
        _ = try fresh.value(of: String(repeating: "x", count: 11)) { $0 }
        #expect(fresh.count == 0)
    }

    @Test func canonicallyEqualTextsOfOtherBytesKeepTheirOwnBytes() throws {
        let memo = DecodedTexts<LocalizedText>()
        let precomposed = "{\"da\":\"Caf\u{E9}\"}"
        let combining = "{\"da\":\"Cafe\u{301}\"}"
        #expect(precomposed == combining)
        for _ in 0..<2 {
            for text in [precomposed, combining] {
                let name = try memo.value(of: text) { try JSONText.decode(LocalizedText.self, from: $0) }
                let expected = try JSONText.decode(LocalizedText.self, from: text)
                #expect(name.values[.da].map { Array($0.utf8) } == expected.values[.da].map { Array($0.utf8) })
                #expect(expected.values[.da].map { Array($0.utf8) } == Array(text.dropFirst(7).dropLast(2).utf8))
            }
        }
    }

    @Test func aTextThatFailsToDecodeIsNotKept() {
        let memo = DecodedTexts<LocalizedText>()
        for _ in 0..<2 {
            #expect(throws: (any Error).self) {
                try memo.value(of: #"{"xx":"unknown language"}"#) { try JSONText.decode(LocalizedText.self, from: $0) }
            }
        }
        #expect(memo.count == 0)
    }

    @Test func anAuthorityReadsBackAsStored() throws {
        let authority = Authority(
            id: AuthorityID(UUID()), memberState: try #require(MemberStateCode(rawValue: "DK")),
            name: LocalizedText([.da: "Styrelsen \"for\" Patientsikkerhed", .en: "Agency"]),
            address: PostalAddress(street: "Islands Brygge 67", postcode: "2300", city: "København S", region: nil),
            contact: Contact(email: "stps@example.dk", phone: nil, website: nil), legalAreas: ["PQ"],
            keywords: ["sundhed", "læge, \"sygeplejerske\"", ""], languages: [.da, .en], status: .validated,
            registeredBy: CoordinatorID(UUID()))
        let record = AuthorityRecord(authority, createdAt: .now, updatedAt: .now)
        #expect(try record.authority(legalAreas: ["PQ"]) == authority)
        var corrupt = record
        corrupt.languages = #"["da","xx"]"#
        #expect(throws: PersistenceError.self) { try corrupt.authority(legalAreas: ["PQ"]) }
    }
}
