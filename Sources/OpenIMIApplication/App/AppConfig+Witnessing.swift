import Foundation
import OpenIMISecurity

extension AppConfig {
    /// Reads where checkpoints are kept outside the database, the log's origin, the witnesses
    /// (`<verifier key> <URL>`, separated by commas) and the quorum.
    public static func resolveWitnessing(into config: inout AppConfig, value: (Key) -> String?, problems: inout [String]) {
        if let directory = value(.checkpointDirectory) { config.checkpointDirectory = directory }
        if let origin = value(.logOrigin) {
            if NoteVerifier.isValidName(origin[...]) {
                config.logOrigin = origin
            } else {
                problems.append("\(Key.logOrigin.rawValue) must be a name without spaces or plus signs, such as imi.example.org/access-log")
            }
        }
        if let list = value(.witnesses) {
            for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                do {
                    config.witnesses.append(try WitnessEndpoint(configuration: item))
                } catch {
                    problems.append("\(Key.witnesses.rawValue): \"\(item)\": \(error)")
                }
            }
            if Set(config.witnesses.map(\.verifier.name)).count != config.witnesses.count {
                problems.append("\(Key.witnesses.rawValue) names a witness twice")
            }
        }
        resolveWitnessTimeout(into: &config, value: value, problems: &problems)
        if let text = value(.witnessQuorum) {
            if let quorum = Int(text), (0...config.witnesses.count).contains(quorum) {
                config.witnessQuorum = quorum
            } else {
                problems.append(
                    "\(Key.witnessQuorum.rawValue) must be a number from 0 to the number of witnesses (\(config.witnesses.count)), got \"\(text)\""
                )
            }
        }
    }

    /// Reads how long a witness may take.
    static func resolveWitnessTimeout(into config: inout AppConfig, value: (Key) -> String?, problems: inout [String]) {
        guard let text = value(.witnessTimeout) else { return }
        if let seconds = Int(text), (1...60).contains(seconds) {
            config.witnessTimeoutSeconds = seconds
        } else {
            problems.append("\(Key.witnessTimeout.rawValue) must be a number of seconds from 1 to 60, got \"\(text)\"")
        }
    }

    /// The witnesses as a quorum policy.
    public var witnessPolicy: WitnessQuorum {
        (try? WitnessQuorum(witnesses: witnesses.map(\.verifier), quorum: witnessQuorum)) ?? .none
    }
}
