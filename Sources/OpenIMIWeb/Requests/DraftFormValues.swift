import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// What the draft form holds: as the user typed it (a refused form shown again), as a draft
/// stands (editing it), or empty (a new request).
struct DraftFormValues {
    var responderId = ""
    var isBusiness = false
    var givenNames = ""
    var familyNames = ""
    var dateOfBirth = ""
    var nationalities = ""
    var identifier = ""
    var identifierKind = "national-id"
    var businessName = ""
    var registrationNumber = ""
    var registrationState = ""
    var questions: Set<String> = []
    var freeText = ""
    var freeTextLanguage: String?
    var deadline = ""
    /// The version of the draft being edited.
    var version = ""

    /// An empty form.
    init() {}

    /// The form as posted.
    init(_ fields: FormFields) {
        responderId = fields["responderId"] ?? ""
        isBusiness = fields["subjectKind"] == "business"
        givenNames = fields["givenNames"] ?? ""
        familyNames = fields["familyNames"] ?? ""
        dateOfBirth = fields["dateOfBirth"] ?? ""
        nationalities = fields["nationalities"] ?? ""
        identifier = fields["identifier"] ?? ""
        identifierKind = fields["identifierKind"] ?? "national-id"
        businessName = fields["businessName"] ?? ""
        registrationNumber = fields["registrationNumber"] ?? ""
        registrationState = fields["registrationState"] ?? ""
        questions = Set(fields.values.keys.filter { $0.hasPrefix("question:") }.map { String($0.dropFirst(9)) })
        freeText = fields["freeText"] ?? ""
        freeTextLanguage = fields["freeTextLanguage"]
        deadline = fields["deadline"] ?? ""
        version = fields["version"] ?? ""
    }

    /// The form of the draft `request`, for editing it.
    init(_ request: InformationRequest) {
        responderId = request.involvement.responder.description
        switch request.subject {
        case .person(let person):
            givenNames = person.givenNames
            familyNames = person.familyNames
            dateOfBirth = person.dateOfBirth ?? ""
            nationalities = person.nationalities.joined(separator: ", ")
            identifier = person.identifiers.first?.value ?? ""
            identifierKind = person.identifiers.first?.kind ?? "national-id"
        case .business(let business):
            isBusiness = true
            businessName = business.name
            registrationNumber = business.registrationNumber
            registrationState = business.registrationState ?? ""
        }
        questions = Set(request.questions)
        freeText = request.freeText?.text ?? ""
        freeTextLanguage = request.freeText?.language.rawValue
        deadline = DateText.day(request.deadline)
        version = String(request.version)
    }

    /// The form field a refusal names (`subject.givenNames` → `givenNames`).
    static func field(of problem: String) -> String {
        switch problem {
        case "subject.name": "businessName"
        case "responderId": "responder"
        default: problem.hasPrefix("subject.") ? String(problem.dropFirst(8)) : problem
        }
    }
}

/// The messages beside the draft form's fields, each nil when the field is fine.
struct DraftFieldMessages {
    var responder: String?
    var givenNames: String?
    var familyNames: String?
    var dateOfBirth: String?
    var businessName: String?
    var registrationNumber: String?
    var deadline: String?
    var freeText: String?

    init(_ errors: [FieldError]) {
        func message(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        responder = message("responder")
        givenNames = message("givenNames")
        familyNames = message("familyNames")
        dateOfBirth = message("dateOfBirth")
        businessName = message("businessName")
        registrationNumber = message("registrationNumber")
        deadline = message("deadline")
        freeText = message("freeTextLanguage")
    }
}
