import Foundation
import OpenIMIDomain

/// The repository definitions shipped as data, each `Resources/Repositories/<code>.json` with its
/// texts translated through the data translations.
public enum RepositoryFiles {
    /// Every bundled definition, by code.
    public static func bundled() throws -> [String: RepositoryDefinition] {
        let directory = Bundle.module.resourceURL!.appendingPathComponent("Repositories")
        var definitions: [String: RepositoryDefinition] = [:]
        let translations = try DataTranslations.bundled()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".json") {
            let english = try Data(contentsOf: directory.appendingPathComponent(file))
            let definition = try JSONDecoder().decode(
                RepositoryDefinition.self, from: try translations.localize(english, root: root(of: file)))
            definitions[definition.code] = definition
        }
        return definitions
    }

    /// The path prefix of a definition file's texts in ``DataTranslations``.
    public static func root(of file: String) -> String { "repositories.\(file.dropLast(".json".count))" }
}
