import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

extension Request {
    /// The query parameter `name`, trimmed; nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters[name[...]] else { return nil }
        let trimmed = String(value).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The integer query parameter `name`, or `fallback` when absent; a value that is not a number
    /// or lies outside `range` is refused, so that no arithmetic on it can overflow.
    func queryInt(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query(name) else { return fallback }
        guard text.utf8.count <= 20, let value = Int(text) else { throw RequestError.invalidParameter(name, .malformed) }
        guard range.contains(value) else {
            throw RequestError.invalidParameter(name, .outOfRange(minimum: range.lowerBound, maximum: range.upperBound))
        }
        return value
    }

    /// Refuses query parameters other than `allowed` (and `lang`), so typos do not pass silently.
    func checkQueryParameters(allowed: Set<String>) throws {
        let unknown = Set(uri.queryParameters.map { String($0.key) }).subtracting(allowed).subtracting(["lang"]).sorted()
        guard unknown.isEmpty else { throw RequestError.unknownFields(unknown) }
    }
}
