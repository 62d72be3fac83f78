import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import Testing

@testable import OpenIMIWeb

/// The resources that write their own JSON give, byte for byte, what `JSONEncoder` gives.
@Suite struct JSONWriterTests {
    private func encoded<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try JSONResponse<String>.encoder().encode(value), as: UTF8.self)
    }

    private func written(_ write: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(capacity: 16)
        write(&json)
        return String(buffer: json.buffer)
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        var samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["", "é", "中文", "🇩🇰", "\u{2028}\u{2029}", "a/b\\c\"d", "line\r\nnext\ttab", "\u{0}\u{1F}\u{7F}", "ﬁ Ω ǅ"]
        var random = SeededRandom(seed: 20_261_201)
        for _ in 0..<400 {
            // Mostly the first planes' letters and marks, a few scalars from anywhere (surrogates excepted).
            samples.append(
                String(
                    String.UnicodeScalarView(
                        (0..<Int.random(in: 0...24, using: &random)).compactMap { _ in
                            UnicodeScalar(UInt32.random(in: 0...(Bool.random(using: &random) ? 0x2FF : 0x10_FFFF), using: &random))
                        })))
        }
        for sample in samples {
            #expect(written { $0.string(sample) } == (try encoded(sample)), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func datesAreWrittenAsTheEncoderWritesThem() throws {
        var seconds: [TimeInterval] = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799]
        var random = SeededRandom(seed: 1_970)
        seconds += (0..<2_000).map { _ in TimeInterval(Int64.random(in: 0..<253_402_300_800, using: &random)) }
        // Outside the arithmetic's range: before 1970, after 9999, fractions of a second.
        seconds += [-1, -86_400 * 400, 253_402_300_800, 1_700_000_000.5]
        for value in seconds.map(Date.init(timeIntervalSince1970:)) {
            #expect(written { $0.date(value) } == (try encoded(value)), "\(value.timeIntervalSince1970)")
        }
    }

    private static func summaries(now: Date) throws -> [RequestsController.SummaryDTO] {
        try RequestState.allCases.enumerated().map { index, state in
            let row: [String: Any?] = [
                "id": UUID().uuidString.lowercased(), "number": "DK-2026-\(100_000 + index)", "procedure": "pq-verify/\"quoted\"",
                "legal_area": "professional-qualifications", "requester_id": UUID().uuidString.lowercased(),
                "responder_id": UUID().uuidString.lowercased(), "state": state.rawValue,
                "deadline": 1_796_000_000 + index * 86_000 - 900_000,
                "proposed_deadline": nil, "allocated_to": index.isMultiple(of: 2) ? nil : UUID().uuidString.lowercased(),
                "version": index, "updated_at": 1_795_000_000 + index, "sent_at": index == 0 ? nil : 1_794_000_000,
            ]
            let json = try JSONSerialization.data(withJSONObject: row.compactMapValues { $0 })
            return RequestsController.SummaryDTO(try JSONDecoder().decode(RequestSummary.self, from: json), now: now)
        }
    }

    @Test func theInboxIsWrittenAsTheEncoderWritesIt() throws {
        let summaries = try Self.summaries(now: Date(timeIntervalSince1970: 1_796_000_000))
        let counts = Dictionary(uniqueKeysWithValues: RequestState.allCases.enumerated().map { ($1.rawValue, $0 * 7) })
        for inbox in [
            RequestsController.InboxDTO(requests: summaries, counts: counts),
            RequestsController.InboxDTO(requests: [], counts: [:]),
        ] {
            let written = String(buffer: try JSONResponse<RequestsController.InboxDTO>.encoded(inbox))
            #expect(written == (try encoded(inbox)))
        }
    }

    private static let requestDocuments: [String] = {
        let step = """
            {"action": "send", "to": "submitted", "at": "2026-11-30T08:15:00Z", "userId": "\(UUID())", "organisationId": "\(UUID())",
             "comment": "Vedhæftet: \\"kopi\\"\\n/ 2 sider", "commentLanguage": "da", "allocatedTo": "\(UUID())"}
            """
        let person = """
            {"kind": "person", "givenNames": "Ana Marija", "familyNames": "Novak Ærø", "dateOfBirth": "1980-02-29",
             "nationalities": ["SI", "DK"], "identifiers": [{"kind": "national-id", "value": "0102/80\\t1", "issuer": "SI"},
             {"kind": "professional-registration", "value": "N-77"}]}
            """
        let business = #"{"kind": "business", "name": "Žaga d.o.o.", "registrationNumber": "123/4", "registrationState": "SI"}"#
        let answers = """
            {"q10": {"value": "yes"}, "q2": {"value": "2026-01-01", "justification": "needed"},
             "Licence-Status": {"value": "suspendiran", "language": "sl"}, "é": {"value": ""}, "e\\u0301x": {"value": "NFD"}, "f": {"value": "f"}}
            """
        return [
            """
            {"id": "\(UUID())", "number": "DK-2026-000123", "procedure": "pq-verify", "legalArea": "professional-qualifications",
             "questionSetVersion": 3, "requesterId": "\(UUID())", "responderId": "\(UUID())", "earlierResponderIds": ["\(UUID())"],
             "state": "answered", "version": 7, "deadline": "2026-12-24T23:00:00Z", "proposedDeadline": "2027-01-15T12:00:00Z",
             "formalClosureDate": "2027-02-01T00:00:00Z", "allocatedTo": "\(UUID())", "subject": \(person),
             "questions": ["q2", "q10", "Licence-Status"], "freeText": {"text": "Sehr geehrte\\r\\nDamen", "language": "de"},
             "answers": \(answers), "steps": [\(step), {"to": "draft", "at": "2026-11-29T23:59:59Z", "userId": "u",
             "organisationId": "o"}]}
            """,
            """
            {"id": "i", "number": "SI-2026-000001", "procedure": "p", "legalArea": "services", "questionSetVersion": 1,
             "requesterId": "r", "responderId": "s", "earlierResponderIds": [], "state": "draft", "version": 0,
             "deadline": "1970-01-01T00:00:00Z", "subject": \(business), "questions": [], "answers": {}, "steps": []}
            """,
        ]
    }()

    @Test func theRequestIsWrittenAsTheEncoderWritesIt() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for document in Self.requestDocuments {
            let request = try decoder.decode(RequestsController.RequestDTO.self, from: Data(document.utf8))
            let written = String(buffer: try JSONResponse<RequestsController.RequestDTO>.encoded(request))
            #expect(written == (try encoded(request)))
        }
    }

    @Test func everyPropertyOfEveryWrittenTypeIsWritten() throws {
        // Property names are the JSON keys (no type here renames them): a property added to a DTO
        // without its writer fails here even when no sample fills it.
        func keys(_ value: some JSONWritable) throws -> Set<String> {
            var json = JSONWriter()
            value.write(to: &json)
            let object = try JSONSerialization.jsonObject(with: Data(json.buffer.readableBytesView)) as? [String: Any]
            return Set(object?.keys.map { $0 } ?? [])
        }
        func expectAllWritten<Value: JSONWritable>(_ samples: [Value]) throws {
            let properties = Set(samples.flatMap { Mirror(reflecting: $0).children.compactMap(\.label) })
            let written = try samples.reduce(into: Set<String>()) { $0.formUnion(try keys($1)) }
            #expect(properties == written, "\(Value.self)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let requests = try Self.requestDocuments.map { try decoder.decode(RequestsController.RequestDTO.self, from: Data($0.utf8)) }
        try expectAllWritten(requests)
        try expectAllWritten(requests.flatMap(\.steps))
        try expectAllWritten(requests.map(\.subject))
        try expectAllWritten(requests.compactMap(\.freeText))
        try expectAllWritten(requests.flatMap { $0.subject.identifiers ?? [] })
        try expectAllWritten(requests.flatMap { Array($0.answers.values) })
        let summaries = try Self.summaries(now: Date(timeIntervalSince1970: 1_796_000_000))
        try expectAllWritten(summaries)
        try expectAllWritten([RequestsController.InboxDTO(requests: summaries, counts: ["sent": 1])])
    }
}

/// SplitMix64: random values that are the same on every run, so that a failure can be repeated.
private struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
