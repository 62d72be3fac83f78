import Hummingbird
import OpenIMIDomain
import OpenIMIPersistence
import Synchronization

/// The legal areas with their procedures, read once per process, and the API's list of them,
/// encoded once. Reference data change only when a server starts and loads the bundled files
/// (`ReferenceDataLoader`, before it serves anything), so rebuilding the same document for every
/// request — decoding every name in 26 languages and encoding them again — bought nothing.
final class ReferenceDocuments: Sendable {
    private struct Cached {
        var areas: [LegalArea]?
        var areasDocument: ByteBuffer?
    }

    private let database: any Database
    private let cached = Mutex(Cached())

    /// Reads from `database` on first use.
    init(database: any Database) {
        self.database = database
    }

    /// The legal areas in their order, with their procedures.
    func legalAreas() async throws -> [LegalArea] {
        if let areas = cached.withLock({ $0.areas }) { return areas }
        let areas = try await RegistryRepository(sql: database.sql).legalAreas()
        // Nothing loaded yet is not remembered: the next request reads again.
        if !areas.isEmpty { cached.withLock { $0.areas = areas } }
        return areas
    }

    /// The legal areas as the API's JSON list, encoded by `encode` the first time.
    func legalAreasDocument(_ encode: @Sendable ([LegalArea]) throws -> ByteBuffer) async throws -> ByteBuffer {
        if let document = cached.withLock({ $0.areasDocument }) { return document }
        let areas = try await legalAreas()
        let document = try encode(areas)
        if !areas.isEmpty { cached.withLock { $0.areasDocument = document } }
        return document
    }
}
