import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIApplication

/// Reads logged together: every read gets exactly its own committed entry, in one transaction
/// with those that arrived meanwhile, and an entry the database refuses fails its own read alone.
@Suite struct ReadLogTests {
    private static func processing(_ request: UUID, at: Date = Date()) -> AccessLog.Processing {
        AccessLog.Processing(
            user: UUID(), organisation: UUID(), request: request, operation: .read, purpose: .read(.api, .getRequest),
            fields: ["subject"], at: at)
    }

    private static func entries(of request: UUID, in database: any Database) async throws -> Int {
        try await database.sql.raw(
            "SELECT COUNT(*) AS n FROM access_log WHERE request_id = \(bind: request.uuidString.lowercased())"
        ).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test func concurrentReadsEachGetOneCommittedEntryInTheChain() async throws {
        try await TestDatabase.withDatabase { database in
            let log = ReadLog(database: database)
            let request = UUID()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<300 { group.addTask { try await log.record(Self.processing(request)) } }
                try await group.waitForAll()
            }
            #expect(try await Self.entries(of: request, in: database) == 300)
            let queued = try await database.sql.raw("SELECT COUNT(*) AS n FROM log_pending").first()?.decode(column: "n", as: Int.self)
            #expect(queued == 300)
            #expect(try await LogSequencer(database: database).integrate() == 300)
            let summary = try await LogVerifier(database: database, identities: []).verify()
            #expect(summary.entries == 300 && summary.queued == 0)
        }
    }

    @Test func anEntryTheDatabaseRefusesFailsItsOwnReadAlone() async throws {
        try await TestDatabase.withDatabase { database in
            let refused = UUID(), accepted = UUID()
            let key = refused.uuidString.lowercased()
            try await database.transaction { sql in
                if database.kind == .sqlite {
                    try await sql.raw(
                        "CREATE TRIGGER refuse_one BEFORE INSERT ON access_log WHEN NEW.request_id = '\(unsafeRaw: key)' BEGIN SELECT RAISE(ABORT, 'refused'); END"
                    ).run()
                } else {
                    try await sql.raw(
                        """
                        CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN IF NEW.request_id = '\(unsafeRaw: key)' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$
                        """
                    ).run()
                    try await sql.raw("CREATE TRIGGER refuse_one BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION refuse_one()")
                        .run()
                }
            }
            let log = ReadLog(database: database)
            let outcomes = try await withThrowingTaskGroup(of: (UUID, Bool).self) { group in
                for index in 0..<41 {
                    let request = index == 20 ? refused : accepted
                    group.addTask {
                        do {
                            try await log.record(Self.processing(request))
                            return (request, true)
                        } catch {
                            return (request, false)
                        }
                    }
                }
                return try await group.reduce(into: [(UUID, Bool)]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0.0 == refused }.map(\.1) == [false])
            #expect(outcomes.filter { $0.0 == accepted }.allSatisfy { $0.1 })
            #expect(try await Self.entries(of: accepted, in: database) == 40)
            #expect(try await Self.entries(of: refused, in: database) == 0)
        }
    }
}
