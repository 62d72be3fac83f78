/// Finds the few things a verifier reads back from a PDF this platform wrote: the signature's
/// byte range and the embedded files. Only bytes already proved to be signed are trusted.
struct PDFScanner {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Where `text` last occurs.
    func lastOccurrence(of text: String) -> Int? {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }

    /// Where `text` first occurs at or after `start`.
    func firstOccurrence(of text: String, from start: Int = 0) -> Int? {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// The content of the first embedded file stream of `mediaType` (written uncompressed).
    func embeddedFile(mediaType: String) -> [UInt8]? {
        let marker = "/Type /EmbeddedFile /Subtype \(PDFText.name(mediaType)) "
        guard let start = firstOccurrence(of: marker), let lengthAt = firstOccurrence(of: "/Length ", from: start),
            let streamAt = firstOccurrence(of: ">>\nstream\n", from: lengthAt)
        else { return nil }
        let digits = bytes[(lengthAt + 8)..<streamAt].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard let length = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        let begin = streamAt + ">>\nstream\n".utf8.count
        guard begin <= bytes.count, length <= bytes.count - begin else { return nil }
        return Array(bytes[begin..<begin + length])
    }
}
