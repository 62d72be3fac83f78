import Foundation
import Hummingbird
import OpenIMIApplication

/// A `multipart/form-data` body (RFC 7578): text fields and at most a few files, as browsers send
/// a form with a file input.
struct MultipartForm: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        let name: String
        let content: Data
    }

    /// The text fields.
    let fields: FormFields
    /// The files by field name.
    let files: [String: File]

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (1...70).contains(value.count) ? value : nil
            }
        }
        return nil
    }

    /// Most parts a form may have: the attachment form has two (`_csrf` and `file`).
    static let maximumParts = 8
    /// Longest header block of one part.
    static let maximumHeaderBytes = 4 * 1024

    /// Whether `path` is one of the upload routes, the only ones that take `multipart/form-data`.
    static func acceptsUploads(path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return segments.count == 4 && segments[0].isEmpty && ["requests", "notifications"].contains(segments[1])
            && segments[3] == "attachments"
    }

    /// Parses `buffer` in one pass over its bytes; a body that does not follow the format, or has
    /// more than `maximumParts` parts, is refused as malformed.
    init(_ buffer: ByteBuffer, boundary: String) throws {
        let body = Array(buffer.readableBytesView)
        let delimiter = Array("--\(boundary)".utf8)
        let nextDelimiter = Array("\r\n--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        var fields: [String: String] = [:]
        var files: [String: File] = [:]
        guard let first = Self.index(of: delimiter, in: body, from: 0) else { throw RequestError.malformedBody }
        var cursor = first + delimiter.count
        var parts = 0
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: [45, 45]) { break }
            guard body[cursor...].starts(with: crlf) else { throw RequestError.malformedBody }
            cursor += 2
            parts += 1
            guard parts <= Self.maximumParts,
                let headerEnd = Self.index(of: [13, 10, 13, 10], in: body, from: cursor, within: Self.maximumHeaderBytes),
                let next = Self.index(of: nextDelimiter, in: body, from: headerEnd + 4)
            else { throw RequestError.malformedBody }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            let content = body[(headerEnd + 4)..<next]
            let disposition = Self.disposition(headers)
            if let name = disposition["name"] {
                if let filename = disposition["filename"] {
                    if !filename.isEmpty || !content.isEmpty { files[name] = File(name: filename, content: Data(content)) }
                } else if fields[name] == nil {
                    fields[name] = String(decoding: content, as: UTF8.self)
                }
            }
            cursor = next + nextDelimiter.count
        }
        self.fields = FormFields(values: fields)
        self.files = files
    }

    /// Where `needle` first occurs in `haystack` at or after `start` (and, when given, starting
    /// within `within` bytes of it). Each byte is compared at most `needle.count` times.
    private static func index(of needle: [UInt8], in haystack: [UInt8], from start: Int, within: Int? = nil) -> Int? {
        guard let head = needle.first, haystack.count >= needle.count else { return nil }
        var last = haystack.count - needle.count
        if let within { last = min(last, start + within) }
        var position = start
        while position <= last {
            if haystack[position] == head, haystack[position..<(position + needle.count)].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }

    /// The parameters of the part's `Content-Disposition` header.
    private static func disposition(_ headers: String) -> [String: String] {
        guard
            let line = headers.components(separatedBy: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            })
        else { return [:] }
        var parameters: [String: String] = [:]
        for item in line.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            parameters[pair[0].lowercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return parameters
    }
}
