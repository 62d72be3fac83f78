/// Checks an authority's details before it is registered or changed.
public enum AuthorityValidation {
    /// Longest accepted name, street, city or keyword.
    public static let maximumTextLength = 200
    /// Most competence keywords per authority.
    public static let maximumKeywords = 30

    /// Throws the first problem found in `authority`, given the state and the known legal area codes.
    public static func check(_ authority: Authority, state: MemberState, knownLegalAreas: Set<String>) throws(DirectoryError) {
        guard authority.name.values[.en].map({ !$0.isBlank }) == true else {
            throw .invalidField("name.en", .required)
        }
        let ownLanguages = Set(state.officialLanguages)
        if !ownLanguages.contains(.en) {
            guard authority.name.languages.contains(where: { ownLanguages.contains($0) }) else {
                throw .invalidField("name", .required)
            }
        }
        for (language, text) in authority.name.values {
            try checkText(text, field: "name.\(language.rawValue)", required: true)
        }
        try checkText(authority.address.street, field: "address.street", required: true)
        try checkText(authority.address.postcode, field: "address.postcode", required: true)
        try checkText(authority.address.city, field: "address.city", required: true)
        try checkText(authority.address.region ?? "", field: "address.region", required: false)
        guard authority.contact.email.isPlausibleEmail else { throw .invalidField("contact.email", .malformed) }
        guard !authority.legalAreas.isEmpty else { throw .invalidField("legalAreas", .required) }
        guard Set(authority.legalAreas).isSubset(of: knownLegalAreas) else { throw .invalidField("legalAreas", .notAllowed) }
        guard !authority.languages.isEmpty else { throw .invalidField("languages", .required) }
        guard authority.keywords.count <= maximumKeywords else {
            throw .invalidField("keywords", .outOfRange(minimum: 0, maximum: maximumKeywords))
        }
        for keyword in authority.keywords {
            try checkText(keyword, field: "keywords", required: true)
        }
    }

    private static func checkText(_ text: String, field: String, required: Bool) throws(DirectoryError) {
        if required && text.isBlank { throw .invalidField(field, .required) }
        if text.count > maximumTextLength { throw .invalidField(field, .tooLong(maximum: maximumTextLength)) }
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    // Deliberately loose: one "@", a dot in the domain, no spaces. Delivery proves the rest.
    var isPlausibleEmail: Bool {
        let parts = split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !contains(where: \.isWhitespace) && count <= 254
    }
}
