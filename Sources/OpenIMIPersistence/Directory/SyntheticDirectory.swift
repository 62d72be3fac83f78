import Foundation
import OpenIMIDomain

/// Generates a large, realistic-looking directory for benchmarks and index checks: names in the
/// states' own languages and in English, several legal areas and keywords each.
public enum SyntheticDirectory {
    private static let words: [(Language, [String])] = [
        (.da, ["Styrelsen", "for", "Patientsikkerhed", "Lægeforeningen", "Kommune", "Tilsyn", "Sundhed", "Erhverv", "Århus", "Næstved"]),
        (.sl, ["Zbornica", "Zdravniška", "Ministrstvo", "za", "zdravje", "Inšpektorat", "Urad", "Občina", "Maribor", "Celje"]),
        (
            .de,
            [
                "Landesamt", "für", "Gesundheit", "Ärztekammer", "Gewerbeaufsicht", "Behörde", "Straßenverkehr", "München", "Köln",
                "Düsseldorf",
            ]
        ),
        (.el, ["Υπουργείο", "Υγείας", "Σύλλογος", "Ιατρικός", "Αρχή", "Περιφέρεια", "Αθηνών", "Πάτρας", "Κρήτης", "Δήμος"]),
        (.bg, ["Министерство", "на", "здравеопазването", "Агенция", "Инспекция", "Община", "София", "Пловдив", "Варна", "Камара"]),
    ]
    private static let states: [Language: String] = [.da: "DK", .sl: "SI", .de: "DE", .el: "GR", .bg: "BG"]
    private static let english = [
        "Agency", "Authority", "Office", "Chamber", "Inspectorate", "Ministry", "Council", "Board", "Registry", "Service",
    ]

    private static let syllables = [
        "ka", "lo", "ve", "rin", "dal", "sko", "mar", "ten", "bro", "hus", "vik", "sel", "gor", "ne", "pa", "tri",
    ]

    private static func distinctiveWord(_ index: Int) -> String {
        var value = index
        var word = ""
        for _ in 0..<4 {
            word += syllables[value % syllables.count]
            value /= syllables.count
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `count` validated authorities registered by `registrar`, deterministic for a given count.
    public static func authorities(count: Int, legalAreas: [String], registrar: UUID) -> [Authority] {
        (0..<count).map { index in
            let (language, vocabulary) = words[index % words.count]
            // One common word, as real names have, then a distinctive one; every 1,000th is a medical association.
            let distinctive = index % 1000 == 5 ? "Lægeforeningen" : distinctiveWord(index)
            let own = "\(vocabulary[index % vocabulary.count]) \(distinctive)"
            let englishName = "\(english[index % english.count]) \(english[(index / 10) % english.count]) \(index)"
            let areas = (0..<(1 + index % 3)).map { legalAreas[(index + $0 * 5) % legalAreas.count] }
            return Authority(
                id: AuthorityID(UUID()), memberState: MemberStateCode(rawValue: states[language]!)!,
                name: LocalizedText([language: "\(own) \(index)", .en: englishName]),
                address: PostalAddress(
                    street: "Street \(index)", postcode: "\(1000 + index % 9000)", city: vocabulary[index % vocabulary.count]),
                contact: Contact(email: "office\(index)@authority.example"), legalAreas: Array(Set(areas)),
                keywords: ["competence \(index % 50)", distinctiveWord(index / 7 + 40_000)], languages: [language, .en],
                status: .validated, registeredBy: CoordinatorID(registrar))
        }
    }
}
