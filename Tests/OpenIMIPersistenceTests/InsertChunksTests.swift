import Testing

@testable import OpenIMIPersistence

/// Multi-row inserts of any number of rows use at most four statement texts.
@Suite struct InsertChunksTests {
    @Test func everyNumberOfRowsSplitsIntoAtMostFourSizesInOrder() {
        for count in [0, 1, 3, 4, 5, 17, 64, 85, 255, 256, 300] {
            let rows = Array(0..<count)
            let chunks = rows.insertChunks()
            #expect(chunks.flatMap { $0 } == rows)
            #expect(Set(chunks.map(\.count)).isSubset(of: [64, 16, 4, 1]))
            // Each size is used fewer times than the next larger one divided by it.
            #expect(chunks.filter { $0.count == 1 }.count < 4 && chunks.filter { $0.count == 4 }.count < 4)
        }
    }
}
