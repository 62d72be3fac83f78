import Foundation

/// The fields of a request's data subject a rights request can correct.
public enum CorrectableField: String, Sendable, Hashable, CaseIterable, Codable {
    /// A person's given names.
    case givenNames
    /// A person's family names.
    case familyNames
    /// A person's date of birth.
    case dateOfBirth
    /// A business's registered name.
    case name
    /// A business's registration number.
    case registrationNumber

    /// The field's current value in `subject`, or nil when the subject has no such field.
    public func value(in subject: DataSubject) -> String? {
        switch (self, subject) {
        case (.givenNames, .person(let person)): person.givenNames
        case (.familyNames, .person(let person)): person.familyNames
        case (.dateOfBirth, .person(let person)): person.dateOfBirth ?? ""
        case (.name, .business(let business)): business.name
        case (.registrationNumber, .business(let business)): business.registrationNumber
        default: nil
        }
    }

    /// `subject` with this field set to `value`, checked like a new request's subject.
    public func correcting(_ subject: DataSubject, to value: String) throws(RightsRequestError) -> DataSubject {
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty, value.count <= 200 else { throw .invalid("value") }
        var corrected = subject
        switch (self, subject) {
        case (.givenNames, .person(var person)): person.givenNames = value; corrected = .person(person)
        case (.familyNames, .person(var person)): person.familyNames = value; corrected = .person(person)
        case (.dateOfBirth, .person(var person)): person.dateOfBirth = value; corrected = .person(person)
        case (.name, .business(var business)): business.name = value; corrected = .business(business)
        case (.registrationNumber, .business(var business)): business.registrationNumber = value; corrected = .business(business)
        default: throw .notCorrectable(rawValue)
        }
        do { try corrected.validate() } catch { throw .invalid("value") }
        return corrected
    }
}

/// A correction of one field of a request, made from a rights request: the old value is kept
/// only as its SHA-256, and every other authority of the request is asked to apply it.
public struct DataCorrection: Sendable, Hashable, Identifiable {
    /// The correction's identifier.
    public internal(set) var id: UUID
    /// The rights request it answers.
    public internal(set) var rightsRequestID: UUID
    /// The request corrected.
    public internal(set) var requestID: UUID
    /// The field.
    public internal(set) var field: CorrectableField
    /// A keyed digest (hex) of the value before, under the request's data key: recognisable while
    /// the request's data exist, meaningless once they are deleted, never testable against guesses.
    public internal(set) var oldValueDigest: String
    /// Who corrected it.
    public internal(set) var correctedBy: StepActor
    /// When.
    public internal(set) var correctedAt: Date
    /// The counterpart authorities that have applied it, with when.
    public internal(set) var appliedBy: [UUID: Date]

    /// Creates a correction as stored.
    public init(
        id: UUID, rightsRequestID: UUID, requestID: UUID, field: CorrectableField, oldValueDigest: String, correctedBy: StepActor,
        correctedAt: Date, appliedBy: [UUID: Date]
    ) {
        self.id = id
        self.rightsRequestID = rightsRequestID
        self.requestID = requestID
        self.field = field
        self.oldValueDigest = oldValueDigest
        self.correctedBy = correctedBy
        self.correctedAt = correctedAt
        self.appliedBy = appliedBy
    }
}
