import Foundation
import OpenIMIDomain
import SQLKit

/// Loads the reference data files into the database; running it again changes nothing.
public struct ReferenceDataLoader: Sendable {
    /// The database to load into.
    public let database: any Database

    /// Creates a loader.
    public init(database: any Database) {
        self.database = database
    }

    /// Inserts or updates every member state, legal area and procedure in one transaction.
    public func load(_ files: ReferenceDataFiles, now: Date = Date()) async throws {
        let stamp = Int64(now.timeIntervalSince1970)
        try await database.transaction { sql in
            for (position, state) in files.memberStates.enumerated() {
                try await sql.insert(into: "member_state")
                    .model(MemberStateRecord(state, position: position), keyEncodingStrategy: .convertToSnakeCase)
                    .onConflict(with: "code") {
                        try $0.set(
                            excludedContentOf: MemberStateRecord(state, position: position), keyEncodingStrategy: .convertToSnakeCase)
                    }
                    .run()
            }
            for (position, area) in files.legalAreas.enumerated() {
                let record = LegalAreaRecord(area, position: position)
                try await sql.insert(into: "legal_area")
                    .model(record, keyEncodingStrategy: .convertToSnakeCase)
                    .onConflict(with: "code") { try $0.set(excludedContentOf: record, keyEncodingStrategy: .convertToSnakeCase) }
                    .run()
                for (index, procedure) in area.procedures.enumerated() {
                    let record = ProcedureRecord(procedure, legalArea: area.code.rawValue, position: index)
                    try await sql.insert(into: "procedure")
                        .model(record, keyEncodingStrategy: .convertToSnakeCase)
                        .onConflict(with: "code") { try $0.set(excludedContentOf: record, keyEncodingStrategy: .convertToSnakeCase) }
                        .run()
                }
            }
            for (name, version) in [("member-states", files.memberStatesVersion), ("legal-areas", files.legalAreasVersion)] {
                try await sql.insert(into: "reference_data_version")
                    .columns("name", "version", "loaded_at")
                    .values(SQLBind(name), SQLBind(version), SQLBind(stamp))
                    .onConflict(with: "name") { $0.set(excludedValueOf: "version").set(excludedValueOf: "loaded_at") }
                    .run()
            }
        }
    }
}
