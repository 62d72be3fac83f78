import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIPersistence

/// The witness's HTTP interface (c2sp.org/tlog-witness): `POST /add-checkpoint`, and `GET /health`.
struct WitnessController: Sendable {
    /// The submission address, below the prefix.
    static let addCheckpointPath = "/add-checkpoint"

    let witness: Witness

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.post(RouterPath(Self.addCheckpointPath), use: addCheckpoint)
        router.get("/health") { _, _ in "ok\n" }
    }

    /// `POST /add-checkpoint`: cosigns the submitted checkpoint or says why not.
    func addCheckpoint(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Witness.maximumBody)
        } catch {
            return Self.response(
                .init(
                    status: 413, contentType: "text/plain; charset=utf-8",
                    body: "the submission is larger than \(Witness.maximumBody) bytes\n"))
        }
        return Self.response(try await witness.addCheckpoint(String(buffer: body), now: Date()))
    }

    private static func response(_ answer: Witness.Answer) -> Response {
        Response(
            status: HTTPResponse.Status(code: answer.status), headers: [.contentType: answer.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
