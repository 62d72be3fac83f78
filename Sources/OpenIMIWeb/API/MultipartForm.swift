import Foundation
import Hummingbird

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

    /// Parses `buffer`; a body that does not follow the format is refused as malformed.
    init(_ buffer: ByteBuffer, boundary: String) throws {
        let body = Data(buffer: buffer)
        let delimiter = Data("--\(boundary)".utf8)
        var fields: [String: String] = [:]
        var files: [String: File] = [:]
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else { throw RequestError.malformedBody }
        cursor = first.upperBound
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { throw RequestError.malformedBody }
            cursor += 2
            guard let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: cursor..<body.endIndex),
                let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<body.endIndex)
            else { throw RequestError.malformedBody }
            let headers = String(decoding: body[cursor..<headerEnd.lowerBound], as: UTF8.self)
            let content = body[headerEnd.upperBound..<next.lowerBound]
            let disposition = Self.disposition(headers)
            if let name = disposition["name"] {
                if let filename = disposition["filename"] {
                    if !filename.isEmpty || !content.isEmpty { files[name] = File(name: filename, content: Data(content)) }
                } else if fields[name] == nil {
                    fields[name] = String(decoding: content, as: UTF8.self)
                }
            }
            cursor = next.upperBound
        }
        self.fields = FormFields(values: fields)
        self.files = files
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
