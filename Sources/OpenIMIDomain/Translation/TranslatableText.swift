/// A text of a request that a reader may have machine-translated: the requester's free text, a
/// text answer, or a step's comment. The raw value names it in the translation cache, the access
/// log's fields and the address of the translation (`free-text`, `answer:<question>`, `comment:<position>`).
public enum TranslatableText: Sendable, Hashable {
    /// The requester's free text.
    case freeText
    /// The answer to a question.
    case answer(question: String)
    /// The comment of the step at this position of the history.
    case comment(position: Int)
}

extension TranslatableText: RawRepresentable {
    /// The stored form.
    public var rawValue: String {
        switch self {
        case .freeText: "free-text"
        case .answer(let question): "answer:\(question)"
        case .comment(let position): "comment:\(position)"
        }
    }

    /// The text a stored form names; nil for anything else, such as a question id with a colon or
    /// a position that is not a small non-negative number.
    public init?(rawValue: String) {
        let parts = rawValue.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        switch (parts.first, parts.count) {
        case ("free-text", 1):
            self = .freeText
        case ("answer", 2) where !parts[1].isEmpty && parts[1].count <= 100 && !parts[1].contains(":"):
            self = .answer(question: String(parts[1]))
        case ("comment", 2) where parts[1].count <= 6 && parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber):
            guard let position = Int(parts[1]) else { return nil }
            self = .comment(position: position)
        default:
            return nil
        }
    }
}

extension InformationRequest {
    /// The text `which` names with its language, when the request has it and its language is known.
    public func translatable(_ which: TranslatableText) -> FreeText? {
        switch which {
        case .freeText:
            return freeText
        case .answer(let question):
            guard let answer = answers[question], let language = answer.language, !answer.value.isEmpty else { return nil }
            return FreeText(text: answer.value, language: language)
        case .comment(let position):
            guard steps.indices.contains(position), let comment = steps[position].comment, let language = steps[position].commentLanguage
            else { return nil }
            return FreeText(text: comment, language: language)
        }
    }

    /// Every text of the request a reader in `language` could have translated: those written in another language.
    public func translatableTexts(for language: Language) -> [TranslatableText] {
        var texts: [TranslatableText] = [.freeText]
        texts += questions.map { .answer(question: $0) }
        texts += steps.indices.map { .comment(position: $0) }
        return texts.filter { translatable($0).map { $0.language != language } ?? false }
    }
}
