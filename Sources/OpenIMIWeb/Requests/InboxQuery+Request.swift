import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension InboxQuery {
    /// The query parameters of the inbox page and of `GET /api/v1/requests`.
    static let parameters: Set<String> = [
        "state", "mine", "number", "procedure", "direction", "counterpart", "memberState", "sentFrom", "sentTo", "waiting", "due", "sort",
        "offset", "limit",
    ]

    /// The query of `?state=a,b&mine=true&number=DK-2026-000123&procedure=&direction=sent|received&counterpart=<authority id>
    /// &memberState=SI&sentFrom=YYYY-MM-DD&sentTo=YYYY-MM-DD&waiting=us|them&due=soon|overdue&sort=deadline|updated|number&offset=&limit=`.
    /// Each value is checked; a wrong one is refused naming its parameter.
    init(_ request: Request, _ session: ActiveSession, now: Date) throws {
        let states = try request.query("state").map { list in
            try Set(
                list.split(separator: ",").map { code in
                    guard let state = RequestState(rawValue: String(code)) else {
                        throw RequestError.invalidParameter("state", .notAllowed)
                    }
                    return state
                })
        }
        let mine = try Self.flag(request, "mine")
        let number = try request.query("number").map { text -> RequestNumber in
            guard text.utf8.count <= 20, let number = RequestNumber(text) else { throw RequestError.invalidParameter("number", .malformed) }
            return number
        }
        let procedure = try request.query("procedure").map { code -> String in
            guard code.utf8.count <= 100, ProcedureCode(rawValue: code) != nil else {
                throw RequestError.invalidParameter("procedure", .malformed)
            }
            return code
        }
        let counterpart = try request.query("counterpart").map { text -> UUID in
            guard let id = UUID(uuidString: text) else { throw RequestError.invalidParameter("counterpart", .malformed) }
            return id
        }
        let memberState = try request.query("memberState").map { code -> MemberStateCode in
            guard let state = MemberStateCode(rawValue: code) else { throw RequestError.invalidParameter("memberState", .notAllowed) }
            return state
        }
        let sentFrom = try Self.day(request, "sentFrom")
        // The last day given is included: the range ends at the start of the next day.
        let sentTo = try Self.day(request, "sentTo").map { $0.addingTimeInterval(86_400) }
        if let sentFrom, let sentTo, sentTo <= sentFrom { throw RequestError.invalidParameter("sentTo", .notAllowed) }
        let waiting = try Self.choice(request, "waiting", ["us", "them"])
        let due = try Self.choice(request, "due", ["soon", "overdue"])
        let sort = try Self.choice(request, "sort", InboxSort.allCases.map(\.rawValue)).flatMap(InboxSort.init(rawValue:))
        let direction = try Self.choice(request, "direction", InboxDirection.allCases.map(\.rawValue)).flatMap(
            InboxDirection.init(rawValue:))
        self.init(
            states: states ?? InboxQuery.openStates, allocatedTo: mine == true ? session.principal.user.id.uuid : nil, number: number,
            procedure: procedure, direction: direction, counterpart: counterpart, counterpartState: memberState, sentFrom: sentFrom,
            sentBefore: sentTo, waitingForUs: waiting.map { $0 == "us" },
            dueBefore: due.map { $0 == "soon" ? now.addingTimeInterval(DeadlineStatus.dueSoonWindow) : now }, sort: sort ?? .deadline,
            offset: try request.queryInt("offset", default: 0, in: 0...InboxQuery.maximumOffset),
            limit: try request.queryInt("limit", default: 50, in: 1...200))
    }

    /// `true` or `false`.
    private static func flag(_ request: Request, _ name: String) throws -> Bool? {
        try choice(request, name, ["true", "false"]).map { $0 == "true" }
    }

    /// One of `allowed`.
    private static func choice(_ request: Request, _ name: String, _ allowed: [String]) throws -> String? {
        try request.query(name).map { value in
            guard allowed.contains(value) else { throw RequestError.invalidParameter(name, .notAllowed) }
            return value
        }
    }

    /// A day `YYYY-MM-DD`, as its first moment in UTC.
    private static func day(_ request: Request, _ name: String) throws -> Date? {
        try request.query(name).map { text in
            guard let date = DateText.endOfDay(text)?.addingTimeInterval(-86_399) else {
                throw RequestError.invalidParameter(name, .malformed)
            }
            return date
        }
    }
}
