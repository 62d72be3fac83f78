import Foundation

/// What finds a person or business across requests: a normalised key per way of naming them —
/// name with date of birth, each identifier with its issuer, a business's registration number with
/// its state. Spelling variants that mean the same person give the same key ("Kjær" and "KJAER",
/// "0311 79-1234" and "0311791234"). Keys are never stored as such, only their keyed hashes.
public enum SubjectKey {
    /// The keys of `subject`.
    public static func keys(of subject: DataSubject) -> [String] {
        switch subject {
        case .person(let natural):
            var keys: [String] = []
            if let key = person(given: natural.givenNames, family: natural.familyNames, born: natural.dateOfBirth) { keys.append(key) }
            keys += natural.identifiers.compactMap { identifier(issuer: $0.issuer, value: $0.value) }
            return keys
        case .business(let business):
            return [self.business(number: business.registrationNumber, state: business.registrationState)].compactMap { $0 }
        }
    }

    /// The key of a person's names with their date of birth (nil without a date).
    public static func person(given: String, family: String, born: String?) -> String? {
        guard let born, !born.isEmpty else { return nil }
        let names = (name(family), name(given))
        guard !names.0.isEmpty, !names.1.isEmpty else { return nil }
        return "person|\(names.0)|\(names.1)|\(born)"
    }

    /// The key of an identifier issued by `issuer` (a state code, or none).
    public static func identifier(issuer: String?, value: String) -> String? {
        let compact = code(value)
        return compact.isEmpty ? nil : "id|\(code(issuer ?? ""))|\(compact)"
    }

    /// The key of a business registration number in `state`.
    public static func business(number: String, state: String?) -> String? {
        let compact = code(number)
        return compact.isEmpty ? nil : "business|\(code(state ?? ""))|\(compact)"
    }

    /// Letters folded to unaccented lower case (æ→ae, ø→o, ß→ss, …), words separated by one space.
    static func name(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars {
            if let replacement = letters[scalar] {
                out += replacement
            } else if CharacterSet.letters.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix(" ") && !out.isEmpty {
                out += " "
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// What finds the record of repository `code` whose `field` is `value`: the value with case,
    /// accents and punctuation folded away (letters and digits kept); nil when nothing is left.
    public static func repositoryValue(_ code: String, field: String, value: String) -> String? {
        let folded = value.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars {
            if let replacement = letters[scalar] {
                out += replacement
            } else if CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix(" ") && !out.isEmpty {
                out += " "
            }
        }
        let key = out.trimmingCharacters(in: .whitespaces)
        return key.isEmpty ? nil : "repository:\(code):\(field):\(key)"
    }

    /// Letters and digits only, upper case.
    static func code(_ text: String) -> String {
        String(text.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Letters that do not decompose into a base letter and a mark.
    private static let letters: [Unicode.Scalar: String] = [
        "æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "œ": "oe", "þ": "th", "ð": "d", "ı": "i",
    ]
}
