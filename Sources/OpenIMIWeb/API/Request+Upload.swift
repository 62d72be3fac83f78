import Foundation
import Hummingbird
import OpenIMIDomain

extension Request {
    /// A document uploaded through the API: its name from `?name=` (the only query parameter
    /// taken) and its content, the raw body of at most ``AttachmentRule/maximumSize`` bytes.
    func uploadedDocument() async throws -> (name: String, content: Data) {
        try checkQueryParameters(allowed: ["name"])
        guard let name = query("name") else { throw RequestError.invalidParameter("name", .required) }
        do {
            return (name, Data(buffer: try await body.collect(upTo: AttachmentRule.maximumSize)))
        } catch {
            throw AttachmentError.tooLarge(limit: AttachmentRule.maximumSize)
        }
    }
}
