import Foundation
import Hummingbird
import OpenIMIApplication

/// `GET /openapi.json`: the OpenAPI 3 document of the JSON API, shipped as a resource.
struct OpenAPIController: Sendable {
    let document: ByteBuffer

    /// Loads the bundled document.
    static func bundled() throws -> OpenAPIController {
        OpenAPIController(document: ByteBuffer(bytes: try Data(contentsOf: WebResources.url("openapi.json"))))
    }

    func addRoutes(to routes: Routes) {
        routes.public(Site.openAPIDocument, use: openAPIDocument)
    }

    /// `GET /openapi.json`.
    func openAPIDocument(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: document))
    }
}
