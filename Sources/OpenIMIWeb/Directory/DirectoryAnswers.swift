import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import Synchronization

/// The public directory's answers, kept for a few seconds per process.
///
/// A directory search reads the authorities' index, decodes every name in up to 26 languages and
/// encodes them again; the same searches come again and again (the state and area lists of every
/// request form), while the directory itself changes a few times a day, when a coordinator
/// registers or validates an authority. An answer is therefore kept for ``lifetime`` and shared by
/// every request asking the same question in that time: a change shows on every instance within
/// that time, on its own as on the others, without any coordination between instances.
///
/// Only public data are kept: answers to searches of validated authorities, with their functional
/// contact details, exactly what the directory shows to anyone. The store is bounded
/// (``maximumAnswers`` answers and about ``maximumBytes``, pages and encoded documents counted);
/// past either, it starts over, so a stream of distinct searches costs what it cost without the
/// store and no more memory.
final class DirectoryAnswers: Sendable {
    /// How long an answer is kept.
    static let lifetime: TimeInterval = 5
    /// The most answers kept.
    static let maximumAnswers = 1_024
    /// About the most bytes kept, pages and encoded API documents together.
    static let maximumBytes = 32 << 20

    private struct Answer {
        let page: Page<Authority>
        let document: ByteBuffer?
        let storedAt: Date
    }

    private struct Store {
        var answers: [DirectoryQuery: Answer] = [:]
        var bytes = 0
    }

    private let database: any Database
    private let clock: any AppClock
    private let store = Mutex(Store())

    /// Searches `database`; `clock` tells an answer's age.
    init(database: any Database, clock: any AppClock) {
        self.database = database
        self.clock = clock
    }

    /// The page of authorities answering `query`; kept only when `query` is for the public
    /// directory (validated authorities).
    func page(for query: DirectoryQuery) async throws -> Page<Authority> {
        try await answer(for: query).page
    }

    /// The API's JSON document answering `query`, encoded by `encode` when it is not kept.
    func document(for query: DirectoryQuery, _ encode: @Sendable (Page<Authority>) throws -> ByteBuffer) async throws -> ByteBuffer {
        let answer = try await answer(for: query)
        if let document = answer.document { return document }
        let document = try encode(answer.page)
        keep(Answer(page: answer.page, document: document, storedAt: answer.storedAt), for: query)
        return document
    }

    /// How many answers are kept now.
    var count: Int { store.withLock { $0.answers.count } }

    /// The kept answer to `query` while it is fresh, else a new search, kept.
    private func answer(for query: DirectoryQuery) async throws -> Answer {
        if let answer = fresh(query) { return answer }
        let answer = Answer(page: try await AuthorityRepository(sql: database.sql).search(query), document: nil, storedAt: clock.now())
        keep(answer, for: query)
        return answer
    }

    private func fresh(_ query: DirectoryQuery) -> Answer? {
        let now = clock.now()
        let answer = store.withLock { $0.answers[query] }
        guard let answer else { return nil }
        // A clock set back counts as expiry too: the answer's age is unknown then.
        let age = now.timeIntervalSince(answer.storedAt)
        return age >= 0 && age < Self.lifetime ? answer : nil
    }

    private func keep(_ answer: Answer, for query: DirectoryQuery) {
        // Only the public directory is kept: what anyone may see.
        guard query.status == .validated else { return }
        let size = Self.size(of: answer)
        guard size <= Self.maximumBytes else { return }
        store.withLock { store in
            let replaced = store.answers.removeValue(forKey: query).map(Self.size(of:)) ?? 0
            store.bytes -= replaced
            if store.answers.count >= Self.maximumAnswers || store.bytes + size > Self.maximumBytes {
                store.answers.removeAll()
                store.bytes = 0
            }
            store.answers[query] = answer
            store.bytes += size
        }
    }

    /// About how many bytes `answer` holds: its document, and for its page the texts of each
    /// authority (names in every language, keywords) plus a fixed share for the rest.
    private static func size(of answer: Answer) -> Int {
        let texts = answer.page.items.reduce(0) { total, authority in
            total + 512 + authority.name.values.values.reduce(0) { $0 + $1.utf8.count }
                + authority.keywords.reduce(0) { $0 + $1.utf8.count }
        }
        return texts + (answer.document?.readableBytes ?? 0)
    }
}
