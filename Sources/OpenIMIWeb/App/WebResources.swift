import Foundation

/// Locates the module's resources next to the executable, wherever it is started from.
enum WebResources {
    static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else { throw WebResourceError.missing(name) }
        let url = base.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw WebResourceError.missing(url.path) }
        return url
    }
}

/// A resource the server needs was not found beside the executable.
public enum WebResourceError: Error, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let path): "Resource not found: \(path). Install the openimi_OpenIMIWeb.resources folder beside the executable."
        }
    }
}
