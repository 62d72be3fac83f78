import Foundation

/// The person or business a request is about. Every field here is personal data.
public enum DataSubject: Sendable, Hashable, Codable {
    /// A natural person.
    case person(NaturalPerson)
    /// A business.
    case business(Business)
}

/// A natural person as identified in a request.
public struct NaturalPerson: Sendable, Hashable, Codable {
    /// Given names.
    public var givenNames: String
    /// Family names.
    public var familyNames: String
    /// Date of birth (a calendar day, no time zone).
    public var dateOfBirth: String?
    /// Nationalities as member-state or ISO country codes.
    public var nationalities: [String]
    /// Identifiers such as a national identification number or a professional registration number.
    public var identifiers: [PersonalIdentifier]

    /// Creates a person.
    public init(givenNames: String, familyNames: String, dateOfBirth: String?, nationalities: [String], identifiers: [PersonalIdentifier]) {
        self.givenNames = givenNames
        self.familyNames = familyNames
        self.dateOfBirth = dateOfBirth
        self.nationalities = nationalities
        self.identifiers = identifiers
    }
}

/// An identifier of a person, with what kind it is and who issued it.
public struct PersonalIdentifier: Sendable, Hashable, Codable {
    /// E.g. "national-id", "professional-registration".
    public var kind: String
    /// The identifier.
    public var value: String
    /// The issuing state, if known.
    public var issuer: String?

    /// Creates an identifier.
    public init(kind: String, value: String, issuer: String?) {
        self.kind = kind
        self.value = value
        self.issuer = issuer
    }
}

/// A business as identified in a request.
public struct Business: Sendable, Hashable, Codable {
    /// Registered name.
    public var name: String
    /// Registration number in the business register.
    public var registrationNumber: String
    /// State of the register.
    public var registrationState: String?

    /// Creates a business.
    public init(name: String, registrationNumber: String, registrationState: String?) {
        self.name = name
        self.registrationNumber = registrationNumber
        self.registrationState = registrationState
    }
}

extension DataSubject {
    /// Checks the subject is identified well enough: names for a person, name and number for a business.
    public func validate() throws(RequestDataError) {
        switch self {
        case .person(let person):
            guard !person.givenNames.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("subject.givenNames") }
            guard !person.familyNames.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("subject.familyNames") }
            if let day = person.dateOfBirth, !Self.isCalendarDay(day) { throw .malformed("subject.dateOfBirth") }
        case .business(let business):
            guard !business.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("subject.name") }
            guard !business.registrationNumber.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .missing("subject.registrationNumber")
            }
        }
    }

    /// Whether `text` is a calendar day written YYYY-MM-DD.
    public static func isCalendarDay(_ text: String) -> Bool {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        // Round-trip, because the parser rolls impossible days over (29 February 1981 → 1 March).
        guard text.count == 10, let date = formatter.date(from: text) else { return false }
        return formatter.string(from: date) == text
    }
}
