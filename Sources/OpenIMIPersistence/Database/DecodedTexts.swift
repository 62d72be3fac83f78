import Synchronization

/// Values decoded from JSON texts, kept by their exact text.
///
/// Decoding is a function of the text alone, so a text seen before gives the value decoded then.
/// An authority's names in 26 languages are read with every API call its users make; decoding them
/// through Foundation's decoder each time cost a twentieth of a logged read. Only texts up to
/// `longest` UTF-8 bytes are kept, at most `limit` of them; when full, the memo starts over. Meant
/// for reference data such as names, never for personal data (those are sealed and never kept).
final class DecodedTexts<Value: Sendable>: Sendable {
    private let kept = Mutex<[String: Value]>([:])
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
        if let value = kept.withLock({ $0[text] }) { return value }
        let value = try decode(text)
        kept.withLock { kept in
            if kept.count >= limit { kept.removeAll(keepingCapacity: true) }
            kept[text] = value
        }
        return value
    }

    /// How many texts are kept.
    var count: Int { kept.withLock { $0.count } }
}
