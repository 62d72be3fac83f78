import Foundation
import OpenIMIDomain

// The resources read most often write their JSON themselves, members in the order `JSONEncoder`
// sorts them (`JSONWriterTests` holds every writer here to the encoder's bytes).

extension RequestsController.SummaryDTO: JSONWritable {
    /// Writes the entry (an inbox page holds up to 200 of them).
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("allocatedTo", allocatedTo)
            json.member("deadline", deadline)
            json.member("deadlineStatus", deadlineStatus)
            json.member("id", id)
            json.member("legalArea", legalArea)
            json.member("number", number)
            json.member("procedure", procedure)
            json.member("requesterId", requesterId)
            json.member("responderId", responderId)
            json.member("state", state)
            json.member("updatedAt", updatedAt)
            json.member("version", version)
        }
    }
}

extension RequestsController.InboxDTO: JSONWritable {
    /// Writes the inbox.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("counts")
            json.object(counts) { json, state, count in json.member(state, count) }
            json.member("requests", requests)
        }
    }
}

extension RequestsController.RequestDTO: JSONWritable {
    /// Writes the request with its personal data (the logged read).
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("allocatedTo", allocatedTo)
            json.member("answers", answers)
            json.member("deadline", deadline)
            json.member("earlierResponderIds", earlierResponderIds)
            json.member("formalClosureDate", formalClosureDate)
            json.member("freeText", freeText)
            json.member("id", id)
            json.member("legalArea", legalArea)
            json.member("number", number)
            json.member("procedure", procedure)
            json.member("proposedDeadline", proposedDeadline)
            json.member("questionSetVersion", questionSetVersion)
            json.member("questions", questions)
            json.member("requesterId", requesterId)
            json.member("responderId", responderId)
            json.member("state", state)
            json.member("steps", steps)
            json.member("subject", subject)
            json.member("version", version)
        }
    }
}

extension RequestsController.RequestDTO.Step: JSONWritable {
    /// Writes the step.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("action", action)
            json.member("allocatedTo", allocatedTo)
            json.member("at", at)
            json.member("comment", comment)
            json.member("commentLanguage", commentLanguage)
            json.member("organisationId", organisationId)
            json.member("to", to)
            json.member("userId", userId)
        }
    }
}

extension RequestsController.SubjectDTO: JSONWritable {
    /// Writes the person or business.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("dateOfBirth", dateOfBirth)
            json.member("familyNames", familyNames)
            json.member("givenNames", givenNames)
            json.member("identifiers", identifiers)
            json.member("kind", kind)
            json.member("name", name)
            json.member("nationalities", nationalities)
            json.member("registrationNumber", registrationNumber)
            json.member("registrationState", registrationState)
        }
    }
}

extension RequestsController.FreeTextDTO: JSONWritable {
    /// Writes the text with its language.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("language", language)
            json.member("text", text)
        }
    }
}

extension PersonalIdentifier: JSONWritable {
    /// Writes the identifier as its synthesised `Encodable` conformance does.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("issuer", issuer)
            json.member("kind", kind)
            json.member("value", value)
        }
    }
}

extension Answer: JSONWritable {
    /// Writes the answer as its synthesised `Encodable` conformance does.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("justification", justification)
            json.member("language", language?.rawValue)
            json.member("value", value)
        }
    }
}
