import Foundation
import Hummingbird
import OpenIMIApplication

/// Serves the stylesheet and other files of `Resources/Public` under `/static/`, read once at start.
struct StaticAssetsController: Sendable {
    let files: [String: (type: String, body: ByteBuffer)]

    /// Loads the bundled public files.
    static func bundled() throws -> StaticAssetsController {
        let directory = try WebResources.url("Public")
        var files: [String: (type: String, body: ByteBuffer)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !name.hasPrefix(".") {
            let type =
                name.hasSuffix(".css")
                ? "text/css; charset=utf-8" : name.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "application/octet-stream"
            files[name] = (type, ByteBuffer(bytes: try Data(contentsOf: directory.appendingPathComponent(name))))
        }
        return StaticAssetsController(files: files)
    }

    func addRoutes(to routes: Routes) {
        routes.public(Site.staticFile, use: staticFile)
    }

    /// `GET /static/{file}`.
    func staticFile(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        guard let name = context.parameters.get("file"), let file = files[name] else { throw RequestError.notFound }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: file.body))
    }
}
