import Foundation
import OpenIMIDomain

/// The question sets shipped as data files, one `<procedure>.json` per procedure.
public enum QuestionSetFiles {
    /// Every bundled question set, by procedure code.
    public static func bundled() throws -> [String: QuestionSet] {
        try load(directory: Bundle.module.resourceURL!.appendingPathComponent("QuestionSets"))
    }

    /// Every `*.json` question set in `directory`, by procedure code.
    public static func load(directory: URL) throws -> [String: QuestionSet] {
        var sets: [String: QuestionSet] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".json") {
            let set = try JSONDecoder().decode(QuestionSet.self, from: Data(contentsOf: directory.appendingPathComponent(file)))
            sets[set.procedure] = set
        }
        return sets
    }
}
