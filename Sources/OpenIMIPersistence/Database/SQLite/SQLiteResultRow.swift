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
        // The common cases directly; SQLiteKit's decoder for everything else.
        switch (values[position], D.self) {
        case (.text(let text), is String.Type), (.text(let text), is String?.Type): return text as! D
        case (.integer(let integer), is Int64.Type), (.integer(let integer), is Int64?.Type): return Int64(integer) as! D
        case (.integer(let integer), is Int.Type), (.integer(let integer), is Int?.Type): return Int(integer) as! D
        case (.null, is String?.Type): return String?.none as! D
        case (.null, is Int64?.Type): return Int64?.none as! D
        case (.null, is Int?.Type): return Int?.none as! D
        default: return try SQLiteDataDecoder().decode(D.self, from: values[position])
        }
    }
}

/// A row was asked for a column its statement does not return.
struct SQLiteMissingColumn: Error, CustomStringConvertible {
    /// The column asked for.
    let column: String

    var description: String { "no column \"\(column)\" in the result" }
}
