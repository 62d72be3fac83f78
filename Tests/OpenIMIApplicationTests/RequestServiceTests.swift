import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@Suite struct RequestServiceTests {
    struct World {
        let service: RequestService
        let danish: Principal
        let slovenian: Principal
        let betterPlaced: Principal
        let outsider: Principal
        let danishAdmin: Principal
        let betterPlacedID: UUID
        let slovenianID: UUID
    }

    static func world(_ database: any Database) async throws -> World {
        let fixture = try await IdentityFixture.make(database)
        let si = try await Samples.registerNational("SI", in: database)
        let pq = "professional-qualifications"
        let slovenian = try await Samples.registerValidated(
            Samples.authority("SI", names: [.sl: "Zbornica", .en: "Chamber"], areas: [pq]), by: si, in: database)
        let better = try await Samples.registerValidated(
            Samples.authority("SI", names: [.sl: "Ministrstvo", .en: "Ministry"], areas: [pq]), by: si, in: database)
        let outsider = try await Samples.registerValidated(
            Samples.authority("DK", names: [.da: "Anden", .en: "Other"], areas: [pq]), by: fixture.nimic, in: database)
        func principal(_ authority: Authority, _ roles: Set<Role>) -> Principal {
            Principal(
                user: IdentityFixture.account(
                    kind: .authority, id: authority.id.uuid, name: "u\(UUID().uuidString.prefix(8))", roles: roles, now: fixture.start),
                organisation: Organisation(authority: authority))
        }
        let handler: Set<Role> = [.requestHandler(legalArea: pq)]
        return World(
            service: RequestService(
                database: database, identity: fixture.identity, questionSets: try QuestionSetFiles.bundled(), evidence: EvidenceStatus(),
                keys: TestKeys.ring()),
            danish: principal(fixture.authority, handler), slovenian: principal(slovenian, handler),
            betterPlaced: principal(better, handler),
            outsider: principal(outsider, handler), danishAdmin: principal(fixture.authority, [.localDataAdministrator]),
            betterPlacedID: better.id.uuid,
            slovenianID: slovenian.id.uuid)
    }

    /// A one-question request from the Danish authority to the Slovenian one, due tomorrow.
    static func simpleRequest(_ world: World) -> NewRequest {
        NewRequest(
            procedure: "pq-information-request", responder: world.slovenianID, subject: anna, questions: ["legally-established"],
            freeText: nil, deadline: Date().addingTimeInterval(86_400))
    }

    static let anna = DataSubject.person(
        NaturalPerson(givenNames: "Anna", familyNames: "Jørgensen", dateOfBirth: "1985-04-12", nationalities: ["DK"], identifiers: []))

    @Test func aDanishRequestToSloveniaWithAForwardAndAdditionalInformation() async throws {
        try await TestDatabase.withDatabase { database in
            let world = try await Self.world(database)
            let service = world.service
            var now = Date()
            var request = try await service.createDraft(
                NewRequest(
                    procedure: "pq-information-request", responder: world.slovenianID, subject: Self.anna,
                    questions: ["legally-established", "disciplinary-sanctions"],
                    freeText: FreeText(text: "Sygeplejerske søger autorisation", language: .da),
                    deadline: now.addingTimeInterval(14 * 86_400)),
                by: world.danish, now: now)
            await #expect(throws: InformationRequestError.notFound, "drafts are private to the requester") {
                try await service.read(request.id, by: world.slovenian, purpose: .read(.api, .getRequest), now: now)
            }
            request = try await service.act(
                request.id, .send, details: StepDetails(), forwardTo: nil, expectedVersion: request.version, by: world.danish, now: now)
            request = try await service.act(
                request.id, .forward, details: StepDetails(comment: "Ministry keeps the register"), forwardTo: world.betterPlacedID,
                expectedVersion: request.version, by: world.slovenian, now: now)
            await #expect(throws: IdentityError.forbidden(.otherOrganisation), "an earlier responder no longer acts") {
                try await service.act(
                    request.id, .accept, details: StepDetails(), forwardTo: nil, expectedVersion: request.version, by: world.slovenian,
                    now: now)
            }
            _ = try await service.read(request.id, by: world.slovenian, purpose: .read(.api, .getRequest), now: now)
            request = try await service.act(
                request.id, .accept, details: StepDetails(), forwardTo: nil, expectedVersion: request.version, by: world.betterPlaced,
                now: now)
            request = try await service.act(
                request.id, .requestAdditionalInformation, details: StepDetails(comment: "Which diploma?"), forwardTo: nil,
                expectedVersion: request.version, by: world.betterPlaced, now: now)
            request = try await service.act(
                request.id, .provideAdditionalInformation, details: StepDetails(comment: "Nursing, 2009"), forwardTo: nil,
                expectedVersion: request.version, by: world.danish, now: now)
            request = try await service.answer(
                request.id, question: "legally-established", answer: Answer(value: "yes"), expectedVersion: request.version,
                by: world.betterPlaced, now: now)
            request = try await service.answer(
                request.id, question: "disciplinary-sanctions",
                answer: Answer(value: "no", justification: "Needed to decide on authorisation"),
                expectedVersion: request.version, by: world.betterPlaced, now: now)
            request = try await service.act(
                request.id, .answer, details: StepDetails(), forwardTo: nil, expectedVersion: request.version, by: world.betterPlaced,
                now: now)
            now = now.addingTimeInterval(3600)
            request = try await service.act(
                request.id, .close, details: StepDetails(), forwardTo: nil, expectedVersion: request.version, by: world.danish, now: now)
            let stored = try await service.read(request.id, by: world.danish, purpose: .read(.api, .getRequest), now: now)
            #expect(stored.state == .closed && stored.formalClosureDate?.epochSecondsForTest == now.epochSecondsForTest)
            #expect(
                stored.steps.map(\.to) == [
                    .draft, .sent, .forwarded, .accepted, .additionalInformationRequested, .accepted, .answered, .closed,
                ])
            #expect(stored.answers["disciplinary-sanctions"]?.justification == "Needed to decide on authorisation")
            let log = try await AccessLog(sql: database.sql).entries(of: request.id.uuid)
            #expect(log.filter { $0.operation == "read" }.count == 2 && log.filter { $0.operation == "write" }.count == 10)
            #expect(log.allSatisfy { $0.fields == ["subject", "freeText", "answers"] })
            #expect(log.allSatisfy { AccessPurpose(rawValue: $0.purpose) != nil && AccessOperation(rawValue: $0.operation) != nil })
        }
    }

    @Test func uninvolvedOrRolelessUsersGetNothing() async throws {
        try await TestDatabase.withDatabase { database in
            let world = try await Self.world(database)
            var request = try await world.service.createDraft(Self.simpleRequest(world), by: world.danish, now: Date())
            request = try await world.service.act(
                request.id, .send, details: StepDetails(), forwardTo: nil, expectedVersion: 1, by: world.danish, now: Date())
            for stranger in [world.outsider, world.danishAdmin] {
                await #expect(throws: InformationRequestError.notFound) {
                    try await world.service.read(request.id, by: stranger, purpose: .read(.api, .getRequest), now: Date())
                }
            }
            #expect(try await world.service.inbox(of: world.outsider).requests.isEmpty)
            await #expect(throws: IdentityError.forbidden(.missingRole)) { try await world.service.inbox(of: world.danishAdmin) }
            #expect(try await world.service.inbox(of: world.slovenian).requests.map(\.id) == [request.id.description])
            #expect(
                try await AccessLog(sql: database.sql).entries(of: request.id.uuid).allSatisfy { $0.purpose != "api:get-request" },
                "refused reads are not reads")
        }
    }

    @Test func aStaleVersionIsAConflictAndChangesNothing() async throws {
        try await TestDatabase.withDatabase { database in
            let world = try await Self.world(database)
            let draft = try await world.service.createDraft(Self.simpleRequest(world), by: world.danish, now: Date())
            _ = try await world.service.act(
                draft.id, .send, details: StepDetails(), forwardTo: nil, expectedVersion: 1, by: world.danish, now: Date())
            await #expect(throws: InformationRequestError.conflict(currentVersion: 2)) {
                try await world.service.act(
                    draft.id, .withdraw, details: StepDetails(), forwardTo: nil, expectedVersion: 1, by: world.danish, now: Date())
            }
            #expect(try await RequestRepository(sql: database.sql, keys: world.service.keys).find(draft.id.uuid)?.state == .sent)
        }
    }

    @Test func requestsGoOnlyToEligibleAuthoritiesWithKnownQuestions() async throws {
        try await TestDatabase.withDatabase { database in
            let world = try await Self.world(database)
            let base = Self.simpleRequest(world)
            var sameState = base
            sameState.responder = world.outsider.organisation.id.uuid!
            await #expect(throws: InformationRequestError.responderNotEligible) {
                try await world.service.createDraft(sameState, by: world.danish, now: Date())
            }
            var unknown = base
            unknown.questions = ["favourite-colour"]
            await #expect(throws: InformationRequestError.unknownQuestion("favourite-colour")) {
                try await world.service.createDraft(unknown, by: world.danish, now: Date())
            }
            await #expect(throws: IdentityError.forbidden(.missingRole)) {
                try await world.service.createDraft(base, by: world.danishAdmin, now: Date())
            }
        }
    }

    @Test func theAccessLogIsAppendOnly() async throws {
        try await TestDatabase.withDatabase { database in
            let world = try await Self.world(database)
            let draft = try await world.service.createDraft(Self.simpleRequest(world), by: world.danish, now: Date())
            await #expect(throws: (any Error).self) {
                try await database.transaction { sql in try await sql.raw("UPDATE access_log SET purpose = 'forged'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.transaction { sql in try await sql.raw("DELETE FROM access_log").run() }
            }
            #expect(try await AccessLog(sql: database.sql).entries(of: draft.id.uuid).map(\.purpose) == ["create-draft"])
        }
    }
}

extension Date {
    var epochSecondsForTest: Int64 { Int64(timeIntervalSince1970) }
}
