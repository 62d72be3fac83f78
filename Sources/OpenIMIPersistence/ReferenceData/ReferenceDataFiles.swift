import Foundation
import OpenIMIDomain

/// The reference data shipped with OpenIMI as versioned JSON files.
public struct ReferenceDataFiles: Sendable {
    /// The data-file version of the member states.
    public let memberStatesVersion: String
    /// The 30 EEA member states.
    public let memberStates: [MemberState]
    /// The data-file version of the legal areas.
    public let legalAreasVersion: String
    /// The legal areas with their procedures.
    public let legalAreas: [LegalArea]

    /// Reads the files shipped in this module's resources.
    public static func bundled() throws -> ReferenceDataFiles {
        try ReferenceDataFiles(directory: Bundle.module.resourceURL!.appendingPathComponent("ReferenceData"), translations: .bundled())
    }

    /// Reads `member-states.json` and `legal-areas.json` from `directory`, with their texts' translations.
    public init(directory: URL, translations: DataTranslations) throws {
        func read(_ name: String) throws -> Data {
            try translations.localize(Data(contentsOf: directory.appendingPathComponent("\(name).json")), root: name)
        }
        let decoder = JSONDecoder()
        let states = try decoder.decode(MemberStatesFile.self, from: read("member-states"))
        let areas = try decoder.decode(LegalAreasFile.self, from: read("legal-areas"))
        self.memberStatesVersion = states.version
        self.memberStates = states.memberStates
        self.legalAreasVersion = areas.version
        self.legalAreas = areas.legalAreas
    }

    private struct MemberStatesFile: Decodable {
        let version: String
        let memberStates: [MemberState]
    }

    private struct LegalAreasFile: Decodable {
        let version: String
        let legalAreas: [LegalArea]
    }
}
