import Foundation

/// Calls a witness's `add-checkpoint` (c2sp.org/tlog-witness) over HTTP/1.1, bounded in time and
/// in the size of the answer.
struct WitnessClient: Sendable {
    /// The witness.
    let endpoint: WitnessEndpoint
    /// How long the whole call may take.
    var timeout: Duration = .seconds(3)
    /// The largest answer read (a few signature lines).
    static let maximumAnswer = 16_384

    /// What the witness answered.
    struct Answer: Sendable {
        let status: Int
        let contentType: String?
        let body: String
    }

    /// Posts `body` to `<prefix>/add-checkpoint`.
    func addCheckpoint(_ body: String) async throws -> Answer {
        var address = URLComponents()
        address.scheme = "http"
        address.host = endpoint.host
        address.port = endpoint.port
        address.path = endpoint.path + "/add-checkpoint"
        guard let url = address.url else { throw WitnessingError.unreachable("no address for \(endpoint.host)") }
        do {
            let response = try await OutboundHTTP(timeout: timeout, maximumAnswer: Self.maximumAnswer).send(
                OutboundHTTP.Request(url: url, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(body.utf8)))
            return Answer(status: response.status, contentType: response.headers.first(name: "Content-Type"), body: response.text)
        } catch .unreachable(let reason) {
            throw WitnessingError.unreachable(reason)
        } catch .unreadableAnswer(let reason) {
            throw WitnessingError.unexpectedAnswer(reason)
        }
    }
}
