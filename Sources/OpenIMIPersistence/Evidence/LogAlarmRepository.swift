import Foundation
import SQLKit

/// The access log's alarms: what the platform found that should never happen (a log that does not
/// extend its last checkpoint, a witness that saw another tree), for the operators' page.
public struct LogAlarmRepository: Sendable {
    /// One alarm.
    public struct Alarm: Sendable, Hashable {
        /// When it was raised, in seconds since 1970.
        public let at: Int64
        /// Who found it: `platform` or a witness's name.
        public let source: String
        /// What kind: `inconsistent-log`, `split-view`, `witness-refused`.
        public let kind: String
        /// What was found, in words (no personal data: sizes, hashes, names).
        public let detail: String

        /// An alarm from its parts.
        public init(at: Int64, source: String, kind: String, detail: String) {
            self.at = at
            self.source = source
            self.kind = kind
            self.detail = detail
        }
    }

    /// The database or transaction to use.
    public let sql: any SQLDatabase

    /// Reads and writes through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records `alarm`.
    public func raise(_ alarm: Alarm) async throws {
        try await sql.insert(into: "log_alarm").columns("id", "at", "source", "kind", "detail")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(alarm.at), SQLBind(alarm.source), SQLBind(alarm.kind),
                SQLBind(alarm.detail)
            ).run()
    }

    /// The newest `limit` alarms, newest first.
    public func recent(limit: Int = 50) async throws -> [Alarm] {
        try await sql.raw("SELECT at, source, kind, detail FROM log_alarm ORDER BY at DESC LIMIT \(literal: limit)").all().map {
            Alarm(
                at: try $0.decode(column: "at", as: Int64.self), source: try $0.decode(column: "source", as: String.self),
                kind: try $0.decode(column: "kind", as: String.self), detail: try $0.decode(column: "detail", as: String.self))
        }
    }
}
