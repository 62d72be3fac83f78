import Foundation
import OpenIMIApplication
import OpenIMISecurity

/// Decodes base32 in tests, the way an authenticator app reads the secret it is shown.
enum Base32Decoding {
    static func decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var buffer = 0
        var bits = 0
        var bytes: [UInt8] = []
        for character in text.uppercased() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}

/// Codes as an authenticator app computes them.
enum OneTimeCodeForTests {
    static func code(_ secret: String, at date: Foundation.Date) -> String {
        OneTimeCode(secret: secret).code(at: date)
    }
}
