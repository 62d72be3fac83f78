import Foundation
import OpenIMIApplication

/// One draft-to-closed cycle through the API: draft, send, accept, answer the question, answer, close.
struct RequestCycle: Sendable {
    /// The bearer token of the requesting handler.
    let requester: String
    /// The bearer token of the responding handler.
    let responder: String
    /// The responding authority's id.
    let responderID: String
    /// The procedure requests are drafted under.
    let procedure: String

    /// Runs one cycle over `connection`; any unexpected status stops it with an error.
    func run(on connection: inout BenchmarkConnection) async throws {
        // An interrupted benchmark starts no further cycle.
        try Task.checkCancellation()
        let deadline = ISO8601DateFormatter().string(from: Date().addingTimeInterval(30 * 86_400))
        let draft = try await call(
            &connection, requester, "POST", "/api/v1/requests",
            #"{"procedure":"\#(procedure)","responderId":"\#(responderID)","subject":{"kind":"person","givenNames":"Bench","familyNames":"Mark","nationalities":["DK"]},"questions":["legally-established"],"deadline":"\#(deadline)"}"#,
            expect: 201)
        guard let id = draft["id"] as? String, var version = draft["version"] as? Int else { throw BenchmarkError.unexpectedBody }
        for (token, method, path, body) in [
            (requester, "POST", "/steps", #"{"action":"send","version":VERSION}"#),
            (responder, "POST", "/steps", #"{"action":"accept","version":VERSION}"#),
            (responder, "PUT", "/answers/legally-established", #"{"value":"yes","version":VERSION}"#),
            (responder, "POST", "/steps", #"{"action":"answer","version":VERSION}"#),
            (requester, "POST", "/steps", #"{"action":"close","version":VERSION}"#),
        ] {
            let result = try await call(
                &connection, token, method, "/api/v1/requests/\(id)\(path)", body.replacingOccurrences(of: "VERSION", with: "\(version)"),
                expect: 200)
            guard let next = result["version"] as? Int else { throw BenchmarkError.unexpectedBody }
            version = next
        }
    }

    private func call(
        _ connection: inout BenchmarkConnection, _ token: String, _ method: String, _ path: String, _ body: String, expect: Int
    ) async throws -> [String: Any] {
        let (status, data) = try await connection.send(
            method, path, headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"], body: Data(body.utf8))
        guard status == expect else { throw BenchmarkError.unexpectedStatus(path, status) }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
