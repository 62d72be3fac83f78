import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

extension RequestRepository {
    /// Inserts many requests with their steps in few statements, for loading benchmarks. Run inside a transaction.
    public func insert(batch requests: [InformationRequest], now: Date) async throws {
        let subjects = SubjectIndexRepository(sql: sql, ring: keys)
        let index = try await subjects.index()
        try await RequestNumberRepository(sql: sql).reserve(requests.map(\.number))
        // 500 rows of at most 20 columns stay under SQLite's limit of bound parameters.
        for chunk in stride(from: 0, to: requests.count, by: 500).map({ requests[$0..<min($0 + 500, requests.count)] }) {
            let keys = try chunk.map { (requestID: $0.id.description, key: try dataKeys.newKey()) }
            try await sql.insert(into: "information_request")
                .models(
                    try zip(chunk, keys).map { try RequestRecord($0, createdAt: $0.steps.first?.at ?? now, now: now, key: $1.key.key) },
                    keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
                )
                .run()
            try await dataKeys.store(keys, now: now)
            try await subjects.add(Array(chunk), index: index)
            let keyOf = Dictionary(uniqueKeysWithValues: keys.map { ($0.requestID, $0.key.key) })
            let steps = chunk.flatMap { request in request.steps.enumerated().map { (request.id, $0.offset, $0.element) } }
            for part in stride(from: 0, to: steps.count, by: 1000).map({ steps[$0..<min($0 + 1000, steps.count)] }) {
                let insert = sql.insert(into: "request_step")
                    .columns("request_id", "position", "action", "from_state", "to_state", "user_id", "organisation_id", "at", "comment")
                for (id, position, step) in part {
                    let key = id.description
                    let comment = try step.comment.map {
                        try keyOf[key]!.seal($0, context: RequestRecord.commentContext(key, position: position))
                    }
                    insert.values(
                        SQLBind(key), SQLBind(position), SQLBind(step.action?.rawValue),
                        SQLBind(step.from?.rawValue), SQLBind(step.to.rawValue), SQLBind(step.actor.userID.description),
                        SQLBind(step.actor.organisationID.uuidString.lowercased()), SQLBind(step.at.epochSeconds), SQLBind(comment))
                }
                try await insert.run()
            }
        }
    }
}
