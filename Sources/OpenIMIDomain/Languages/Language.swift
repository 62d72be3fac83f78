/// An official language of the EU/EEA, identified by its ISO 639-1 code.
///
/// The 24 official EU languages plus Icelandic and Norwegian Bokmål (EEA).
public enum Language: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv
    case `is`, nb

    /// The language's name in itself, as shown in a language switcher.
    public var endonym: String {
        switch self {
        case .bg: "български"
        case .cs: "čeština"
        case .da: "dansk"
        case .de: "Deutsch"
        case .el: "ελληνικά"
        case .en: "English"
        case .es: "español"
        case .et: "eesti"
        case .fi: "suomi"
        case .fr: "français"
        case .ga: "Gaeilge"
        case .hr: "hrvatski"
        case .hu: "magyar"
        case .it: "italiano"
        case .lt: "lietuvių"
        case .lv: "latviešu"
        case .mt: "Malti"
        case .nl: "Nederlands"
        case .pl: "polski"
        case .pt: "português"
        case .ro: "română"
        case .sk: "slovenčina"
        case .sl: "slovenščina"
        case .sv: "svenska"
        case .is: "íslenska"
        case .nb: "norsk bokmål"
        }
    }

    /// Parses a language code, accepting upper case and region suffixes ("da-DK"). Norwegian
    /// ("no") and Nynorsk ("nn") are read as Bokmål, the Norwegian written standard there is.
    public init?(code: String) {
        let primary = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self.init(rawValue: ["no", "nn"].contains(primary) ? "nb" : primary)
    }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
