import Foundation
import Hummingbird
import OpenIMIApplication

/// A JSON response with stable key order, for API resources.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator, Sendable {
    let value: Value
    var status: HTTPResponse.Status = .ok
    /// The address of what was created, when it is not the value's own resource (an attachment's
    /// content, whose description the value is).
    var location: String?

    /// `value` as the API encodes it: keys sorted, slashes unescaped, dates in ISO 8601.
    static func encoded(_ value: Value) throws -> ByteBuffer {
        if let writable = value as? any JSONWritable {
            var json = JSONWriter()
            writable.write(to: &json)
            return json.buffer
        }
        return ByteBuffer(bytes: try encoder().encode(value))
    }

    /// The encoder of every JSON answer that does not write itself (``JSONWritable``).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The content type of every JSON answer.
    static var contentType: String { "application/json; charset=utf-8" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: Self.contentType]
        if let location { headers[.location] = location }
        if let resource = value as? any APIResource {
            headers[.contentLocation] = resource.resourcePath
            if status == .created, location == nil { headers[.location] = resource.resourcePath }
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: try Self.encoded(value)))
    }
}
