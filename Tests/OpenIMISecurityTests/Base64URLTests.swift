import OpenIMISecurity
import Testing

/// RFC 4648 base64url as JWS uses it: no padding, and only the canonical form of each value.
@Suite struct Base64URLTests {
    @Test func theRFCVectorsRoundTrip() {
        // RFC 4648 §10, in the URL-safe alphabet without padding.
        for (text, encoded) in [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
        ] {
            #expect(Base64URL.encode(Array(text.utf8)) == encoded)
            #expect(Base64URL.decode(encoded) == Array(text.utf8))
        }
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test func nonCanonicalPaddingOrAlphabetIsRefused() {
        // "Zh" and "Zg" would both decode to "f": the unused low bits of the last character must be zero.
        for text in ["Zh", "Zm9", "Zm9vYh", "Zg==", "Zm9v+g", "Zm9v/g", "Z", "Zm9vY", "Zm 9v"] {
            #expect(Base64URL.decode(text) == nil, "\(text)")
        }
    }
}
