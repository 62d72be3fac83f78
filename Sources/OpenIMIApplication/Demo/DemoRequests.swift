import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// A demo request as listed in the seed output: where it stands, who takes part, whom it is about.
public struct DemoRequestEntry: Codable, Sendable {
    /// The request's id.
    public let id: String
    /// Its state.
    public let state: String
    /// Its procedure.
    public let procedure: String
    /// The requesting authority's id.
    public let requesterId: String
    /// The responding authority's id.
    public let responderId: String
    /// The person's or business's name.
    public let subjectName: String
    /// The person's or business's identifiers.
    public let subjectIdentifiers: [String]
    /// When it was formally closed, if it was.
    public let formalClosureDate: Date?
}

/// Creates demo requests between the demo authorities, one or more in every state of the workflow.
public struct DemoRequests {
    public let platform: Platform

    /// Creates the requests unless there are already some; returns what it created.
    public func load() async throws -> [DemoRequestEntry] {
        guard try await RequestRepository(sql: platform.database.sql, keys: platform.requests.keys).isEmpty() else { return [] }
        let dk = try await DemoPrincipal.named("dk.handler", in: platform), si = try await DemoPrincipal.named("si.handler", in: platform),
            de = try await DemoPrincipal.named("de.handler", in: platform)
        let ministry = try await DemoPrincipal.named("si.ministry", in: platform)
        // Current requests started ten days ago, with one step a day; one was closed two years ago.
        let now = platform.clock.now().addingTimeInterval(-10 * 86_400)
        let longAgo = platform.clock.now().addingTimeInterval(-2 * 365 * 86_400)
        let plan: [(Principal, Principal, DataSubject, [(Principal, RequestAction)], Date)] = [
            (dk, si, Self.person("Mette", "Kjær", "1979-11-03", "DK", "0311791234"), [], now),
            (dk, si, Self.person("Søren", "Østergaard", "1965-02-17", "DK", "1702654321"), [(dk, .send)], now),
            (dk, si, Self.person("Ida", "Bæk", "1990-06-30", "DK", "3006904567"), [(dk, .send), (si, .forward)], now),
            (si, de, Self.person("Luka", "Novak", "1984-09-21", "SI", "2109984500123"), [(si, .send), (de, .accept)], now),
            (
                de, dk, Self.person("Jonas", "Schmidt", "1977-03-08", "DE", "L01X00T47"),
                [(de, .send), (dk, .accept), (dk, .requestAdditionalInformation)], now
            ),
            (dk, de, Self.business("Klinik Nord ApS", "DK12345678", "DK"), [(dk, .send), (de, .accept), (de, .answer)], now),
            (
                si, dk, Self.person("Maja", "Kovač", "1988-12-01", "SI", "0112988505123"),
                [(si, .send), (dk, .accept), (dk, .answer), (si, .refer)], now
            ),
            (de, si, Self.person("Anna", "Müller", "1972-07-14", "DE", "T22000129"), [(de, .send), (de, .withdraw)], now),
            (
                dk, si, Self.person("Karen", "Møller", "1969-05-05", "DK", "0505694321"),
                [(dk, .send), (si, .accept), (si, .answer), (dk, .close)], longAgo
            ),
        ]
        var entries: [DemoRequestEntry] = []
        for (requester, responder, subject, steps, start) in plan {
            guard let responderID = responder.organisation.id.authority else {
                throw DemoDataError.unknownOrganisation(responder.user.username)
            }
            var request = try await platform.requests.createDraft(
                NewRequest(
                    procedure: "pq-information-request", responder: responderID.uuid, subject: subject,
                    questions: ["legally-established", "disciplinary-sanctions", "diploma-authentic"],
                    freeText: FreeText(text: "Demo request", language: .en), deadline: start.addingTimeInterval(21 * 86_400)),
                by: requester, now: start)
            for (index, (actor, action)) in steps.enumerated() {
                let at = start.addingTimeInterval(Double(index + 1) * 86_400)
                if action == .answer {
                    for (question, answer) in [
                        ("legally-established", Answer(value: "yes")), ("diploma-authentic", Answer(value: "yes")),
                        (
                            "disciplinary-sanctions",
                            Answer(value: "yes", justification: "A warning in 2019 is relevant to the authorisation decision")
                        ),
                    ] {
                        request = try await platform.requests.answer(
                            request.id, question: question, answer: answer, expectedVersion: request.version, by: actor, now: at)
                    }
                }
                request = try await platform.requests.act(
                    request.id, action, details: StepDetails(comment: "Demo step", commentLanguage: .en),
                    forwardTo: action == .forward ? ministry.organisation.id.uuid : nil,
                    expectedVersion: request.version, by: actor, now: at)
            }
            entries.append(Self.entry(request))
        }
        return entries
    }

    private static func person(_ given: String, _ family: String, _ born: String, _ nationality: String, _ id: String) -> DataSubject {
        .person(
            NaturalPerson(
                givenNames: given, familyNames: family, dateOfBirth: born, nationalities: [nationality],
                identifiers: [PersonalIdentifier(kind: "national-id", value: id, issuer: nationality)]))
    }

    private static func business(_ name: String, _ number: String, _ state: String) -> DataSubject {
        .business(Business(name: name, registrationNumber: number, registrationState: state))
    }

    private static func entry(_ request: InformationRequest) -> DemoRequestEntry {
        let (name, identifiers): (String, [String]) =
            switch request.subject {
            case .person(let person): ("\(person.givenNames) \(person.familyNames)", person.identifiers.map(\.value))
            case .business(let business): (business.name, [business.registrationNumber])
            }
        return DemoRequestEntry(
            id: request.id.description, state: request.state.rawValue, procedure: request.procedure.rawValue,
            requesterId: request.involvement.requester.description,
            responderId: request.involvement.responder.description,
            subjectName: name, subjectIdentifiers: identifiers, formalClosureDate: request.formalClosureDate)
    }
}
