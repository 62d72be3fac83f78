/// A JSON value written in the JSON Canonicalization Scheme of RFC 8785: object members sorted by
/// their names' UTF-16 code units, no insignificant whitespace, strings escaped minimally.
///
/// Numbers are integers within ±2^53, the range that RFC 8785 (through ECMAScript) writes as plain
/// digits; OpenIMI's evidence needs no fractions, so none can be expressed.
public indirect enum CanonicalJSON: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer within ±(2^53 − 1).
    case integer(Int64)
    /// A string.
    case string(String)
    /// An array.
    case array([CanonicalJSON])
    /// An object; member order does not matter, the encoding sorts.
    case object([String: CanonicalJSON])

    /// The largest integer ECMAScript numbers hold exactly.
    public static let maximumInteger: Int64 = 9_007_199_254_740_991

    /// The canonical UTF-8 encoding.
    public var bytes: [UInt8] { Array(text.utf8) }

    /// The canonical text.
    public var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value):
            precondition(abs(value) <= Self.maximumInteger, "integer beyond the exact range of RFC 8785 numbers")
            output += String(value)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            // RFC 8785 §3.2.3: sort by the names' UTF-16 code units.
            let names = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, name) in names.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(name, to: &output)
                output += ":"
                members[name]!.write(to: &output)
            }
            output += "}"
        }
    }

    /// RFC 8785 §3.2.2.2: escape `"`, `\` and the control characters, the usual ones by their short
    /// forms; everything else as is.
    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
