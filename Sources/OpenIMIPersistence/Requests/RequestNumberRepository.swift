import Foundation
import OpenIMIDomain
import SQLKit

/// Hands out request, alert and notification numbers: one sequence per member state and year (and kind), each
/// number once.
public struct RequestNumberRepository: Sendable {
    /// Which sequences: requests', alerts' or notifications'.
    public enum Sequence: String, Sendable {
        /// `request_number_sequence`.
        case requests = "request_number_sequence"
        /// `alert_number_sequence`.
        case alerts = "alert_number_sequence"
        /// `notification_number_sequence`.
        case notifications = "notification_number_sequence"
    }

    /// The transaction to work in: the number is taken with the insert of its request, so a
    /// rolled-back creation gives its number back.
    public let sql: any SQLDatabase
    /// The sequences numbers are taken from.
    public let sequence: Sequence

    /// Creates a repository over `sql`, numbering from `sequence`.
    public init(sql: any SQLDatabase, sequence: Sequence = .requests) {
        self.sql = sql
        self.sequence = sequence
    }

    /// The next number of `memberState` for a request created at `date`. Run inside a transaction:
    /// the row lock of the upsert orders concurrent creations.
    public func next(for memberState: MemberStateCode, at date: Date) async throws -> RequestNumber {
        let year = RequestNumber.year(of: date)
        let row = try await sql.raw(
            """
            INSERT INTO \(ident: sequence.rawValue) (member_state, year, last_sequence) VALUES (\(bind: memberState.rawValue), \(bind: year), 1)
            ON CONFLICT (member_state, year) DO UPDATE SET last_sequence = \(ident: sequence.rawValue).last_sequence + 1
            RETURNING last_sequence
            """
        ).first()
        guard let sequence = try row?.decode(column: "last_sequence", as: Int.self),
            let number = RequestNumber(memberState: memberState, year: year, sequence: sequence)
        else { throw PersistenceError.corruptRow(table: sequence.rawValue, key: "\(memberState.rawValue)-\(year)") }
        return number
    }

    /// Moves the sequences past `numbers` given elsewhere (a bulk load), so no number is handed out twice.
    public func reserve(_ numbers: [RequestNumber]) async throws {
        let highest = Dictionary(grouping: numbers) { "\($0.memberState.rawValue)-\($0.year)" }.compactMap { $0.value.max() }
        for number in highest {
            try await sql.raw(
                """
                INSERT INTO \(ident: sequence.rawValue) (member_state, year, last_sequence)
                VALUES (\(bind: number.memberState.rawValue), \(bind: number.year), \(bind: number.sequence))
                ON CONFLICT (member_state, year) DO UPDATE SET last_sequence = CASE
                    WHEN excluded.last_sequence > \(ident: sequence.rawValue).last_sequence THEN excluded.last_sequence
                    ELSE \(ident: sequence.rawValue).last_sequence END
                """
            ).run()
        }
    }
}
