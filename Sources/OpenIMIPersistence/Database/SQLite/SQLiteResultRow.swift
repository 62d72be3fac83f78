import SQLKit
import SQLiteKit

/// One result row of a statement run by ``SQLiteHandle``, decoded like SQLiteKit's rows.
struct SQLiteResultRow: SQLRow {
    /// The statement's columns.
    let columns: SQLiteColumns
    /// The values, in column order.
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.positions[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let position = columns.positions[column] else { return true }
        return values[position] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let position = columns.positions[column] else { throw SQLiteMissingColumn(column: column) }
        return try SQLiteDataDecoder().decode(D.self, from: values[position])
    }
}

/// A row was asked for a column its statement does not return.
struct SQLiteMissingColumn: Error, CustomStringConvertible {
    /// The column asked for.
    let column: String

    var description: String { "no column \"\(column)\" in the result" }
}
