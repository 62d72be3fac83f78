import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// A demo repository record as listed in the seed output.
public struct DemoRepositoryEntry: Codable, Sendable {
    /// The repository's code.
    public let repository: String
    /// The record's id.
    public let id: String
    /// The authority that keeps it.
    public let keeperId: String
    /// Whom it is about.
    public let holder: String
}

/// Designates the Danish and Slovenian professional-qualifications authorities to keep the register
/// of European Professional Cards, and records three cards (one changed since: suspended).
public struct DemoRepositories {
    /// The platform to load into.
    public let platform: Platform

    /// Creates the designations and records unless there are already records; returns what it created.
    public func load() async throws -> [DemoRepositoryEntry] {
        let repositories = platform.repositories
        guard try await platform.database.sql.select().column("id").from("repository_record").limit(1).first() == nil,
            repositories.definitions["professional-cards"] != nil
        else { return [] }
        let now = platform.clock.now()
        for (coordinator, keeper) in [
            ("dk.nimic", "dk.alerts"), ("si.nimic", "si.alerts"),
        ] {
            let authority = try await DemoPrincipal.named(keeper, in: platform).actingOrganisationID()
            try await repositories.designate(
                authority, for: "professional-cards", by: try await DemoPrincipal.named(coordinator, in: platform), now: now)
        }
        func day(_ offset: Int) -> String { DateText.day(now.addingTimeInterval(Double(offset) * 86_400)) }
        func card(
            _ number: String, _ given: String, _ family: String, _ born: String, _ profession: String, _ purpose: String, _ issuer: String,
            _ host: String, issued: Int, status: String
        ) -> [String: String] {
            var values = [
                "card-number": number, "given-names": given, "family-names": family, "date-of-birth": born, "profession": profession,
                "purpose": purpose, "issued-by": issuer, "host-state": host, "issued-on": day(issued), "status": status,
            ]
            if purpose == "temporary-mobility" { values["valid-until"] = day(issued + 540) }
            return values
        }
        let plan: [(keeper: String, values: [String: String], changedStatus: String?)] = [
            (
                "dk.alerts",
                card(
                    "EPC-DK-2026-000101", "Karen", "Nielsen", "1985-06-12", "general-care-nurse", "temporary-mobility",
                    "Styrelsen for Patientsikkerhed", "SI", issued: -80, status: "valid"), nil
            ),
            (
                "dk.alerts",
                card(
                    "EPC-DK-2026-000102", "Jens", "Poulsen", "1979-02-03", "physiotherapist", "establishment",
                    "Styrelsen for Patientsikkerhed",
                    "DE", issued: -40, status: "valid"), nil
            ),
            (
                "si.alerts",
                card(
                    "EPC-SI-2026-000042", "Maja", "Novak", "1990-09-21", "pharmacist", "establishment", "Lekarniška zbornica Slovenije",
                    "DK",
                    issued: -120, status: "valid"), "suspended"
            ),
        ]
        var entries: [DemoRepositoryEntry] = []
        for item in plan {
            let keeper = try await DemoPrincipal.named(item.keeper, in: platform)
            let opened = try await repositories.open("professional-cards", by: keeper)
            var record = try await repositories.record(item.values, in: opened, now: now.addingTimeInterval(-86_400 * 30))
            if let status = item.changedStatus {
                var values = record.values
                values["status"] = status
                record = try await repositories.change(
                    record.id, in: opened, to: values, expectedVersion: record.version, now: now.addingTimeInterval(-86_400 * 2))
            }
            entries.append(
                DemoRepositoryEntry(
                    repository: "professional-cards", id: record.id.description, keeperId: record.keeper.uuidString.lowercased(),
                    holder: "\(item.values["given-names"] ?? "") \(item.values["family-names"] ?? "")"))
        }
        return entries
    }
}
