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
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            samples.append(
                String(
                    String.UnicodeScalarView(
                        (0..<Int.random(in: 0...24, using: &random)).compactMap { _ in
                            UnicodeScalar(UInt32.random(in: 0...0x2FF, using: &random))
                        })))
        }
        for sample in samples {
            #expect(written { $0.string(sample) } == (try encoded(sample)), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func datesAreWrittenAsTheEncoderWritesThem() throws {
        var seconds: [TimeInterval] = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799]
        var random = SystemRandomNumberGenerator()
        seconds += (0..<2_000).map { _ in TimeInterval(Int64.random(in: 0..<253_402_300_800, using: &random)) }
        // Outside the arithmetic's range: before 1970, after 9999, fractions of a second.
        seconds += [-1, -86_400 * 400, 253_402_300_800, 1_700_000_000.5]
        for value in seconds.map(Date.init(timeIntervalSince1970:)) {
            #expect(written { $0.date(value) } == (try encoded(value)), "\(value.timeIntervalSince1970)")
        }
    }

    @Test func theInboxIsWrittenAsTheEncoderWritesIt() throws {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let summaries = try RequestState.allCases.enumerated().map { index, state in
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
        let counts = Dictionary(uniqueKeysWithValues: RequestState.allCases.enumerated().map { ($1.rawValue, $0 * 7) })
        for inbox in [
            RequestsController.InboxDTO(requests: summaries, counts: counts),
            RequestsController.InboxDTO(requests: [], counts: [:]),
        ] {
            let written = String(buffer: try JSONResponse<RequestsController.InboxDTO>.encoded(inbox))
            #expect(written == (try encoded(inbox)))
        }
    }
}
