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
    public var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output)
        return output
    }

    /// The canonical text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends the canonical encoding to `output`.
    public func append(to output: inout [UInt8]) {
        write(to: &output)
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value):
            precondition(abs(value) <= Self.maximumInteger, "integer beyond the exact range of RFC 8785 numbers")
            output.append(contentsOf: String(value).utf8)
        case .string(let value): Self.appendString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            // RFC 8785 §3.2.3: sort by the names' UTF-16 code units.
            let names = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, name) in names.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendString(name, to: &output)
                output.append(UInt8(ascii: ":"))
                members[name]!.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.2.2: escape `"`, `\` and the control characters, the usual ones by their short
    /// forms; everything else as is.
    public static func appendString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Byte by byte: every byte of a multi-byte UTF-8 sequence is 0x80 or above and is copied as is.
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
