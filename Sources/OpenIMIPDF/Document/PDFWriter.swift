import Foundation

/// Writes a PDF file's bytes: numbered objects, their offsets, the cross-reference table and the
/// trailer (ISO 32000-1, 7.5). Object numbers are handed out before objects are written, so
/// objects can refer to ones written later.
struct PDFWriter {
    private(set) var bytes: [UInt8] = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
    private var offsets: [Int: Int] = [:]
    private var nextNumber = 1

    /// A new object number.
    mutating func allocate() -> Int {
        defer { nextNumber += 1 }
        return nextNumber
    }

    /// Writes object `number` with the dictionary or value `body`.
    mutating func object(_ number: Int, _ body: String) {
        offsets[number] = bytes.count
        append("\(number) 0 obj\n\(body)\nendobj\n")
    }

    /// Writes object `number` as a stream with `dictionary` entries (without /Length) and `data`.
    mutating func stream(_ number: Int, _ dictionary: String, _ data: [UInt8]) {
        offsets[number] = bytes.count
        append("\(number) 0 obj\n<< \(dictionary) /Length \(data.count) >>\nstream\n")
        bytes.append(contentsOf: data)
        append("\nendstream\nendobj\n")
    }

    /// Appends text.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: Array(text.utf8))
    }

    /// Ends the file: cross-reference table and trailer naming `root` and `info`.
    mutating func finish(root: Int, info: Int, id: [UInt8]) -> [UInt8] {
        let table = bytes.count
        let count = nextNumber
        append("xref\n0 \(count)\n0000000000 65535 f \n")
        for number in 1..<count {
            let offset = offsets[number] ?? 0
            append(String(repeating: "0", count: max(0, 10 - String(offset).count)) + "\(offset) 00000 n \n")
        }
        let hex = PDFText.hex(id)
        append("trailer\n<< /Size \(count) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(hex)> <\(hex)>] >>\nstartxref\n\(table)\n%%EOF\n")
        return bytes
    }
}
