import Foundation
import Hummingbird
import OpenIMIApplication

/// An RFC 9457 problem document.
struct ProblemDetails: Codable, Sendable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let instance: String
    let errors: [FieldProblem]?

    init(_ presentation: ErrorPresentation, instance: String) {
        self.type = "urn:openimi:problem:\(presentation.code)"
        self.title = presentation.title
        self.status = Int(presentation.status.code)
        self.detail = presentation.detail
        self.instance = instance
        self.errors = presentation.fieldErrors.isEmpty ? nil : presentation.fieldErrors
    }

    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
