import Foundation
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// A PostgreSQL row as SQLKit reads it, decoding the column types PostgresNIO decodes itself
/// (strings, integers, floating point, booleans, bytes, UUIDs, dates, and their optionals) straight
/// from the cell, and every other type through PostgresKit's row.
///
/// PostgresKit's row makes each value's coding path (a formatted string) and tests the type's
/// conformances at run time before it reaches the same call; for a page of 50 summaries that was
/// a fifth of the server's processor. The values and errors are PostgresKit's: the direct path is
/// the call its fast path ends in, and the cells its workarounds rewrite (a string read from a
/// user-defined type, a `Double` read from `numeric`) go through PostgresKit as before
/// (`PostgresRowValuesTests`).
struct PostgresRowValues: SQLRow {
    private let cells: PostgresRandomAccessRow
    private let fallback: any SQLRow

    /// The row `row` of a result.
    init(_ row: PostgresRow) {
        cells = row.makeRandomAccess()
        fallback = row.sql()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { cells.contains(column) }

    func decodeNil(column: String) throws -> Bool { !cells.contains(column) || cells[column].bytes == nil }

    func decode<T: Decodable>(column: String, as type: T.Type) throws -> T {
        guard cells.contains(column), let value = try Self.direct(T.self, from: cells[column]) else {
            return try fallback.decode(column: column, as: T.self)
        }
        return value
    }

    // Compares types rather than casting to `PostgresDecodable`: a comparison of two metadata
    // pointers instead of a conformance look-up per value.
    private static func direct<T>(_ type: T.Type, from cell: PostgresCell) throws -> T? {
        if !cell.dataType.isUserDefined {
            if let value = try value(String.self, T.self, cell) { return value }
        }
        if cell.dataType != .numeric {
            if let value = try value(Double.self, T.self, cell) { return value }
        }
        if let value = try value(Int64.self, T.self, cell) { return value }
        if let value = try value(Int.self, T.self, cell) { return value }
        if let value = try value(Int32.self, T.self, cell) { return value }
        if let value = try value(Bool.self, T.self, cell) { return value }
        if let value = try value(Data.self, T.self, cell) { return value }
        if let value = try value(UUID.self, T.self, cell) { return value }
        if let value = try value(Date.self, T.self, cell) { return value }
        return nil
    }

    // `cell` as `Wrapped` or `Wrapped?` when `T` is one of them, nil otherwise.
    private static func value<Wrapped: PostgresDecodable, T>(_: Wrapped.Type, _: T.Type, _ cell: PostgresCell) throws -> T?
    where Wrapped._DecodableType == Wrapped {
        if T.self == Wrapped.self { return try cell.decode(Wrapped.self, context: .default) as! T }
        if T.self == Wrapped?.self { return try cell.decode(Wrapped?.self, context: .default) as! T }
        return nil
    }
}
