import Foundation
import Hummingbird

/// An uploaded document sent back as a download under the name it was given: the name goes into
/// `Content-Disposition` as ASCII with anything else replaced, and in full as RFC 5987 `filename*`.
struct DocumentDownload: ResponseGenerator, Sendable {
    /// The name given at upload.
    let name: String
    /// The type found in the content.
    let mediaType: String
    /// The content.
    let content: Data

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let fallback = name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 0x20 ? String($0) : "_" }.joined()
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        return Response(
            status: .ok,
            headers: [
                .contentType: mediaType,
                .contentDisposition: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(data: content)))
    }
}
