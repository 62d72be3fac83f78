import Foundation
import SQLKit

extension SQLRow {
    /// The UUID stored in `column`; anything else is a corrupt row of `table`, never a new id.
    public func decodeUUID(column: String, table: String) throws -> UUID {
        let text = try decode(column: column, as: String.self)
        guard let id = UUID(uuidString: text) else { throw PersistenceError.corruptRow(table: table, key: column) }
        return id
    }

    /// The state, kind or code stored in `column`; a value outside the type is a corrupt row of
    /// `table`, never a default.
    public func decode<Value: RawRepresentable>(column: String, as type: Value.Type, table: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try decode(column: column, as: String.self)) else {
            throw PersistenceError.corruptRow(table: table, key: column)
        }
        return value
    }

    /// Like ``decode(column:as:table:)``, for a column that may be NULL.
    public func decodeIfPresent<Value: RawRepresentable>(column: String, as type: Value.Type, table: String) throws -> Value?
    where Value.RawValue == String {
        guard !(try decodeNil(column: column)) else { return nil }
        return try decode(column: column, as: type, table: table)
    }
}
