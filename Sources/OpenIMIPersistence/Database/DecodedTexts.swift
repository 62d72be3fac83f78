import Synchronization

/// Values decoded from JSON texts, kept by their exact text.
///
/// Decoding is a function of the text alone, so a text seen before gives the value decoded then.
/// An authority's names in 26 languages are read with every API call its users make; decoding them
/// through Foundation's decoder each time cost a twentieth of a logged read. Only texts up to
/// `longest` UTF-8 bytes are kept, at most `limit` of them; when full, the memo starts over. Meant
/// for reference data such as names, never for personal data (those are sealed and never kept).
///
/// A hit must be the same bytes, not only an equal `String`: Swift compares strings by canonical
/// equivalence, so `Café` written with a combining accent would otherwise be given the value, and
/// the bytes, of `Café` written precomposed.
final class DecodedTexts<Value: Sendable>: Sendable {
    private let kept = Mutex<[String: (text: String, value: Value)]>([:])
    private let limit: Int
    private let longest: Int

    /// A memo of at most `limit` texts of at most `longest` UTF-8 bytes each.
    init(limit: Int = 2_048, longest: Int = 8_192) {
        self.limit = limit
        self.longest = longest
    }

    /// The value `decode` gives for `text`, decoded once while the text is kept.
    func value(of text: String, decode: (String) throws -> Value) throws -> Value {
        guard text.utf8.count <= longest else { return try decode(text) }
        let found = kept.withLock { $0[text] }
        if let found, found.text.utf8.elementsEqual(text.utf8) { return found.value }
        let value = try decode(text)
        // A canonically equal text of other bytes is decoded every time rather than displacing the kept one.
        guard found == nil else { return value }
        kept.withLock { kept in
            if kept.count >= limit { kept.removeAll(keepingCapacity: true) }
            kept[text] = (text, value)
        }
        return value
    }

    /// How many texts are kept.
    var count: Int { kept.withLock { $0.count } }
}
