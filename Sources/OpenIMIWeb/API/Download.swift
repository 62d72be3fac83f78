import Hummingbird
import OpenIMIApplication

/// A file the browser saves rather than shows: signed evidence, reports, exports. Never cached.
struct Download: ResponseGenerator, Sendable {
    /// The media type.
    let contentType: String
    /// The name offered for saving.
    let filename: String
    /// The content.
    let bytes: [UInt8]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: contentType, .contentDisposition: "attachment; filename=\"\(filename)\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
