import Foundation
import NIOCore
import OpenIMIApplication

/// JSON text written straight into a buffer, for resources read many times a second: the same
/// text `JSONResponse.encoded` makes with `JSONEncoder` (keys in the order the caller writes
/// them, which must be sorted; slashes unescaped; dates in ISO 8601), without the encoder's boxing
/// of every value into a tree first. `JSONWriterTests` holds each writer to the encoder's bytes.
struct JSONWriter {
    /// The text written so far.
    private(set) var buffer: ByteBuffer
    // Whether the next member of the innermost object or array is its first (no comma before it).
    private var first = true

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int = 1_024) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Writes an object whose members `members` writes, in sorted key order.
    mutating func object(_ members: (inout JSONWriter) -> Void) {
        enclosed(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), members)
    }

    /// Writes an array of `elements`, each written by `element`.
    mutating func array<Element>(_ elements: some Sequence<Element>, _ element: (inout JSONWriter, Element) -> Void) {
        enclosed(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { json in
            for value in elements {
                json.separate()
                element(&json, value)
            }
        }
    }

    /// Starts the member `key` of the object being written; its value is written next.
    mutating func key(_ key: String) {
        separate()
        string(key)
        buffer.writeInteger(UInt8(ascii: ":"))
    }

    /// Writes the member `key` with a string value, or nothing when `value` is nil (as `JSONEncoder`
    /// leaves out a nil optional).
    mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// Writes the member `key` with an array of strings, or nothing when `values` is nil.
    mutating func member(_ key: String, _ values: [String]?) {
        guard let values else { return }
        self.key(key)
        array(values) { json, value in json.string(value) }
    }

    /// Writes the member `key` with a value that writes itself, or nothing when `value` is nil.
    mutating func member(_ key: String, _ value: (some JSONWritable)?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// Writes the member `key` with an array of values that write themselves, or nothing when
    /// `values` is nil.
    mutating func member(_ key: String, _ values: [some JSONWritable]?) {
        guard let values else { return }
        self.key(key)
        array(values) { json, value in value.write(to: &json) }
    }

    /// Writes the member `key` with an object of `values` in the order of their keys, or nothing
    /// when `values` is nil.
    mutating func member(_ key: String, _ values: [String: some JSONWritable]?) {
        guard let values else { return }
        self.key(key)
        object(values) { json, name, value in json.member(name, value) }
    }

    /// Writes an object of `values`, each member written by `member`, in the order `JSONEncoder`
    /// sorts keys: by their UTF-8 bytes (not by `String`'s `<`, which compares canonically
    /// equivalent forms as equal).
    mutating func object<Value>(_ values: [String: Value], _ member: (inout JSONWriter, String, Value) -> Void) {
        object { json in
            for (name, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                member(&json, name, value)
            }
        }
    }

    /// Writes the member `key` with a number.
    mutating func member(_ key: String, _ value: Int) {
        self.key(key)
        buffer.writeString(String(value))
    }

    /// Writes the member `key` with a date in ISO 8601, or nothing when `value` is nil.
    mutating func member(_ key: String, _ value: Date?) {
        guard let value else { return }
        self.key(key)
        date(value)
    }

    /// Writes `value` as a JSON string: quotation mark, reverse solidus and control characters
    /// escaped as `JSONEncoder` escapes them, everything else as its UTF-8.
    mutating func string(_ value: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var pending = value.utf8.startIndex
        for index in value.utf8.indices {
            let byte = value.utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            buffer.writeBytes(value.utf8[pending..<index])
            pending = value.utf8.index(after: index)
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case 0x08: buffer.writeStaticString("\\b")
            case 0x0C: buffer.writeStaticString("\\f")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            default:
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(Self.hexDigits[Int(byte >> 4)])
                buffer.writeInteger(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        buffer.writeBytes(value.utf8[pending...])
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    /// Writes `value` as `JSONEncoder.DateEncodingStrategy.iso8601` does (`2026-12-01T09:30:00Z`):
    /// by arithmetic for whole seconds in the years 1970–9999, by Foundation's formatter otherwise.
    mutating func date(_ value: Date) {
        let seconds = value.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_800, seconds.rounded(.down) == seconds else {
            string(value.formatted(.iso8601))
            return
        }
        let total = Int(seconds)
        let (days, time) = total.quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = DateText.civil(fromDays: days)
        buffer.writeInteger(UInt8(ascii: "\""))
        digits(year, count: 4)
        buffer.writeInteger(UInt8(ascii: "-"))
        digits(month, count: 2)
        buffer.writeInteger(UInt8(ascii: "-"))
        digits(day, count: 2)
        buffer.writeInteger(UInt8(ascii: "T"))
        digits(time / 3_600, count: 2)
        buffer.writeInteger(UInt8(ascii: ":"))
        digits(time % 3_600 / 60, count: 2)
        buffer.writeInteger(UInt8(ascii: ":"))
        digits(time % 60, count: 2)
        buffer.writeStaticString("Z\"")
    }

    private mutating func enclosed(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        buffer.writeInteger(open)
        let outer = first
        first = true
        body(&self)
        first = outer
        buffer.writeInteger(close)
    }

    private mutating func separate() {
        if first { first = false } else { buffer.writeInteger(UInt8(ascii: ",")) }
    }

    private mutating func digits(_ value: Int, count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            buffer.writeInteger(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A value that writes its own JSON text, byte for byte what `JSONEncoder` makes of it, so that a
/// resource read many times a second skips the encoder.
protocol JSONWritable: Encodable {
    /// Writes the value.
    func write(to json: inout JSONWriter)
}
