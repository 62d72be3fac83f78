import Foundation
import OpenIMIPersistence

/// Locates the application layer's resources (catalogs, demo data) next to the executable,
/// wherever it is started from.
public enum ApplicationResources {
    /// The resource `name` of this module.
    public static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else { throw ResourceError.missing(name) }
        let url = base.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ResourceError.missing(url.path) }
        return url
    }
}
