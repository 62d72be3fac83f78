import Foundation
import Hummingbird
import OpenIMIApplication

/// A request body type whose fields are listed, so unknown fields can be refused.
protocol StrictJSONBody: Decodable {
    /// Every field name the body may contain.
    static var fieldNames: Set<String> { get }
}

extension Request {
    /// Decodes the body as `T`, refusing non-JSON, oversized bodies, unknown fields and wrong types.
    func decodeStrictJSON<T: StrictJSONBody>(_ type: T.Type, context: AppRequestContext) async throws -> T {
        let contentType = headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else { throw RequestError.unsupportedMediaType }
        let buffer = try await boundedBody(upTo: APILimits.maximumBodyBytes)
        let data = Data(buffer: buffer)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RequestError.malformedBody
        }
        let unknown = Set(object.keys).subtracting(T.fieldNames).sorted()
        guard unknown.isEmpty else { throw RequestError.unknownFields(unknown) }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw RequestError.wrongType(field: context.codingPath.map(\.stringValue).joined(separator: "."))
        } catch let DecodingError.keyNotFound(key, _) {
            throw RequestError.wrongType(field: key.stringValue)
        } catch let error as RequestError {
            throw error
        } catch {
            throw RequestError.malformedBody
        }
    }
}
