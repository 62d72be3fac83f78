/// Folds names and queries to the form the directory index is searched in.
///
/// Folding is lower case without accents, so "Lægeforeningen" is found by "laegeforening",
/// "Zdravniška" by "zdravniska" and "Κέντρο" by "κεντρο". Letters with a customary two-letter
/// spelling (æ, ø, å, ä, ö, ü, ß, þ, œ) are indexed in both spellings, so "Århus" is found by both
/// "aarhus" and "arhus", and "München" by "muenchen" and "munchen".
public enum SearchText {
    /// The tokens of `text` as a query: lower case, accents removed, split at non-letters.
    public static func queryTokens(_ text: String) -> [String] {
        tokens(of: text, spelling: .plain)
    }

    /// The tokens `text` is indexed under: both spellings of every token, without duplicates.
    public static func indexTokens(_ text: String) -> Set<String> {
        Set(tokens(of: text, spelling: .plain) + tokens(of: text, spelling: .transliterated))
    }

    /// A string greater than every string that starts with `prefix` and smaller than any other
    /// greater string, in code point order: the upper end of an index range scan.
    public static func upperBound(ofPrefix prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var value = last.value + 1
            if (0xD800...0xDFFF).contains(value) { value = 0xE000 }
            if let next = Unicode.Scalar(value) {
                scalars.append(next)
                return String(String.UnicodeScalarView(scalars))
            }
        }
        return prefix + "\u{10FFFF}"
    }

    private enum Spelling { case plain, transliterated }

    private static func tokens(of text: String, spelling: Spelling) -> [String] {
        var folded = ""
        for character in text.lowercased().unicodeScalars {
            if let replacement = replacement(for: character, spelling: spelling) {
                folded += replacement
            } else {
                folded.unicodeScalars.append(character)
            }
        }
        let stripped = String(
            String.UnicodeScalarView(
                folded.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !isCombiningMark($0) }))
        return stripped.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private static func replacement(for scalar: Unicode.Scalar, spelling: Spelling) -> String? {
        switch (scalar, spelling) {
        case ("æ", _): "ae"
        case ("œ", _): "oe"
        case ("ß", _): "ss"
        case ("þ", _): "th"
        case ("ð", _), ("đ", _): "d"
        case ("ł", _): "l"
        case ("ħ", _): "h"
        case ("ı", _): "i"
        case ("ø", .plain): "o"
        case ("ø", .transliterated), ("ö", .transliterated): "oe"
        case ("å", .transliterated): "aa"
        case ("ä", .transliterated): "ae"
        case ("ü", .transliterated): "ue"
        default: nil
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
