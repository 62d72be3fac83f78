import Foundation
import OpenIMIDomain

extension Identifier {
    /// The identifier stored as `text` in a row of `table` (named by `key`); a value that is not
    /// one is a corrupt row, never a new or missing id.
    static func stored(_ text: String, table: String, key: String) throws -> Self {
        guard let id = Self(text) else { throw PersistenceError.corruptRow(table: table, key: key) }
        return id
    }

    /// The identifier in an optional column: none when the column is empty, a corrupt row when it
    /// holds something that is not an id.
    static func stored(ifPresent text: String?, table: String, key: String) throws -> Self? {
        guard let text, !text.isEmpty else { return nil }
        return try stored(text, table: table, key: key)
    }
}

extension Code {
    /// The code stored as `text` in a row of `table` (named by `key`); a malformed one is a corrupt
    /// row, never a default.
    static func stored(_ text: String, table: String, key: String) throws -> Self {
        guard let code = Self(rawValue: text) else { throw PersistenceError.corruptRow(table: table, key: key) }
        return code
    }
}
