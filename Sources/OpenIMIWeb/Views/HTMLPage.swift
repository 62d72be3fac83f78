import Hummingbird
import OpenIMIApplication

/// A rendered HTML page as a response.
public struct HTMLPage: ResponseGenerator, Sendable {
    /// The markup.
    public let html: String
    /// The status to answer with.
    public let status: HTTPResponse.Status

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
