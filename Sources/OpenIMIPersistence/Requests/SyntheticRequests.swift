import Foundation
import OpenIMIDomain

/// Generated requests for benchmarks: realistic shapes (most finished, some open in every state),
/// between given authorities of different states, with invented people.
public enum SyntheticRequests {
    /// The first sequence of the numbers generated requests carry: far above what the requests
    /// created alongside them in a benchmark or test database reach, so none collide.
    public static let firstSequence = 500_000

    /// `count` requests of `procedure` between `authorities` (pairs from different states), created
    /// over the year before `now`, by `actor` ids standing in for users.
    public static func requests(
        count: Int, procedure: ProcedureCode, legalArea: LegalAreaCode, questions: [String],
        authorities: [(id: AuthorityID, state: MemberStateCode)],
        now: Date
    ) -> [InformationRequest] {
        var generator = SplitMix(seed: 42)
        let open: [RequestState] = [.sent, .forwarded, .accepted, .additionalInformationRequested, .answered, .referred, .draft]
        var sequences: [String: Int] = [:]
        return (0..<count).map { index in
            let requester = authorities[Int(generator.next() % UInt64(authorities.count))]
            let others = authorities.filter { $0.state != requester.state }
            let responder = others[Int(generator.next() % UInt64(others.count))]
            let start = now.addingTimeInterval(-Double(generator.next() % (365 * 86_400)))
            let roll = generator.next() % 100
            let state: RequestState = roll < 80 ? .closed : roll < 85 ? .withdrawn : open[Int(roll) % open.count]
            let actor = StepActor(userID: UserID(requester.id.uuid), organisationID: requester.id.uuid)
            let created = Date(timeIntervalSince1970: start.timeIntervalSince1970)
            var steps = [RequestStep(action: nil, from: nil, to: .draft, actor: actor, at: created, comment: nil)]
            if state != .draft {
                steps.append(
                    RequestStep(action: .send, from: .draft, to: state, actor: actor, at: start.addingTimeInterval(3600), comment: nil))
            }
            let year = RequestNumber.year(of: created)
            let sequence = sequences["\(requester.state.rawValue)-\(year)", default: firstSequence]
            sequences["\(requester.state.rawValue)-\(year)"] = sequence + 1
            return InformationRequest(
                stored: .random(), number: RequestNumber(memberState: requester.state, year: year, sequence: sequence)!,
                procedure: procedure, legalArea: legalArea, questionSetVersion: 1,
                involvement: Involvement(requester: requester.id, responder: responder.id), state: state, version: steps.count,
                deadline: start.addingTimeInterval(Double(7 + generator.next() % 60) * 86_400), proposedDeadline: nil,
                subject: .person(
                    NaturalPerson(
                        givenNames: "Person\(index)", familyNames: "Synthetic", dateOfBirth: "1980-01-01", nationalities: [],
                        identifiers: [PersonalIdentifier(kind: "national-id", value: "S\(index)", issuer: "DK")])), questions: questions,
                freeText: nil, answers: [:], steps: steps,
                formalClosureDate: state == .closed ? start.addingTimeInterval(20 * 86_400) : nil,
                allocatedTo: nil)
        }
    }

    /// A small deterministic generator (SplitMix64), so runs are comparable and a failing one can be replayed.
    public struct SplitMix: RandomNumberGenerator, Sendable {
        var state: UInt64
        /// Starts at `seed`.
        public init(seed: UInt64) { state = seed }
        /// The next number.
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
