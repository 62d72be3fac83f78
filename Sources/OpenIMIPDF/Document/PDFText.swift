import Foundation

/// How text and dates are written inside PDF syntax.
enum PDFText {
    /// Uppercase hexadecimal digits of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A text string of any script: UTF-16BE with a byte-order mark, in hexadecimal (7.9.2.2).
    static func string(_ text: String) -> String {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return "<\(hex(bytes))>"
    }

    /// A date as PDF writes it, in UTC: `(D:20261122093000Z)`.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "(D:\(String(format: "%04d", parts.year ?? 1970))\(two(parts.month))\(two(parts.day))"
            + "\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z)"
    }

    /// A name object (7.3.5): characters outside the regular set written as `#xx`.
    static func name(_ text: String) -> String {
        var out = "/"
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte > 0x20 && byte < 0x7F && !"#/()<>[]{}%".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "#" + hex([byte])
            }
        }
        return out
    }

    /// A number with at most two decimals, as content streams take them.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded)
    }
}
