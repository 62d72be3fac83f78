import Foundation
import OpenIMIDomain

/// The alert templates shipped as data files, one `<procedure>.json` per alert procedure, with
/// their texts' translations.
public enum AlertTemplateFiles {
    /// Every bundled template, by procedure code.
    public static func bundled() throws -> [String: AlertTemplate] {
        try load(directory: Bundle.module.resourceURL!.appendingPathComponent("AlertTemplates"), translations: .bundled())
    }

    /// Every `*.json` template in `directory`, by procedure code.
    public static func load(directory: URL, translations: DataTranslations) throws -> [String: AlertTemplate] {
        var templates: [String: AlertTemplate] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".json") {
            let english = try Data(contentsOf: directory.appendingPathComponent(file))
            let template = try JSONDecoder().decode(AlertTemplate.self, from: try translations.localize(english, root: root(of: file)))
            templates[template.procedure] = template
        }
        return templates
    }

    /// The path prefix of a template file's texts in ``DataTranslations``.
    public static func root(of file: String) -> String { "alertTemplates.\(file.dropLast(".json".count))" }
}
