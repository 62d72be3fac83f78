import Foundation
import OpenIMIDomain
import SQLKit

extension RequestRepository {
    /// The timings of the requests received by the authorities `responders` (their current responder),
    /// read from the steps only: no personal data are touched.
    public func timings(receivedBy responders: [UUID]) async throws -> [TimelinessIndicators.Timing] {
        guard !responders.isEmpty else { return [] }
        let requests = try await sql.select().column("id").column("deadline").from("information_request")
            .where("responder_id", .in, responders.map { $0.uuidString.lowercased() }).all()
        guard !requests.isEmpty else { return [] }
        let ids = try requests.map { try $0.decode(column: "id", as: String.self) }
        let steps = try await sql.select().column("request_id").column("action").column("at").from("request_step")
            .where("request_id", .in, ids).where("action", .in, ["send", "accept", "answer"]).orderBy("position").all()
        var first: [String: [String: Date]] = [:]
        for step in steps {
            let id = try step.decode(column: "request_id", as: String.self), action = try step.decode(column: "action", as: String.self)
            if first[id]?[action] == nil {
                first[id, default: [:]][action] = Date(timeIntervalSince1970: TimeInterval(try step.decode(column: "at", as: Int64.self)))
            }
        }
        return try requests.compactMap { row in
            let id = try row.decode(column: "id", as: String.self)
            guard let sent = first[id]?["send"] else { return nil }
            return TimelinessIndicators.Timing(
                sentAt: sent, acceptedAt: first[id]?["accept"], answeredAt: first[id]?["answer"],
                deadline: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "deadline", as: Int64.self))))
        }
    }
}
