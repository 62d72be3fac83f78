import Foundation
import OpenIMIApplication

/// Locates the module's resources next to the executable, wherever it is started from.
enum WebResources {
    /// The resource `name` of this module.
    static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else { throw ResourceError.missing(name) }
        let url = base.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ResourceError.missing(url.path) }
        return url
    }
}
