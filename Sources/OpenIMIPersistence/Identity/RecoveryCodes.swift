import Foundation
import OpenIMISecurity

/// Ten single-use recovery codes, shown once and stored as hashes.
public enum RecoveryCodes {
    /// How many codes a user gets.
    public static let count = 10

    /// New codes such as "k7q2-m9xd-4tfb".
    public static func make(random: any SecureRandom) -> [String] {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<count).map { _ in
            let characters = random.bytes(12).map { alphabet[Int($0) % alphabet.count] }
            return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
        }
    }

    /// The form codes are hashed in: lower case without spaces or dashes.
    public static func normalise(_ code: String) -> String {
        code.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
