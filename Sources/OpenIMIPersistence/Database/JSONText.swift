import Foundation
import SQLKit

/// JSON kept in a text column, for small structured values such as names by language.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own value types cannot fail: they hold only strings, numbers and arrays.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    /// SQL that gathers the text values of `expression` over a subquery's rows into a JSON array,
    /// as text: `[]` on SQLite and NULL on PostgreSQL when there are none.
    static func arrayAggregate(_ expression: String, in sql: any SQLDatabase) -> String {
        sql.dialect.name == "postgresql" ? "CAST(json_agg(\(expression)) AS TEXT)" : "json_group_array(\(expression))"
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// A JSON array of strings. The common plain form (`["a","b"]`, no escapes) is split directly,
    /// which verifying a long log needs; anything else goes through the JSON decoder.
    static func decodeStrings(_ text: String) throws -> [String] {
        if text == "[]" { return [] }
        let bytes = Array(text.utf8)
        if bytes.count >= 4, bytes.first == UInt8(ascii: "["), bytes[1] == UInt8(ascii: "\""), bytes[bytes.count - 2] == UInt8(ascii: "\""),
            bytes.last == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: "\\"))
        {
            // Between the outer quotes: items separated by `","`; any other quote means another form.
            var items: [String] = []
            var start = 2
            var index = 2
            let end = bytes.count - 2
            while index < end {
                if bytes[index] == UInt8(ascii: "\"") {
                    guard index + 2 < end, bytes[index + 1] == UInt8(ascii: ","), bytes[index + 2] == UInt8(ascii: "\"") else {
                        return try decode([String].self, from: text)
                    }
                    items.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    index += 3
                    start = index
                } else {
                    index += 1
                }
            }
            items.append(String(decoding: bytes[start..<end], as: UTF8.self))
            return items
        }
        return try decode([String].self, from: text)
    }
}
