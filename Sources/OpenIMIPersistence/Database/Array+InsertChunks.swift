extension Array {
    /// The sizes of ``insertChunks()``, largest first.
    static var insertChunkSizes: [Int] { [64, 16, 4, 1] }

    /// The elements in consecutive slices of 64, then 16, 4 and 1 — as many of each as fit — so
    /// that multi-row inserts of any number of rows use at most four statement texts, which SQLite
    /// keeps prepared, instead of one per number of rows (a cache it would keep starting over).
    func insertChunks() -> [ArraySlice<Element>] {
        var chunks: [ArraySlice<Element>] = []
        var start = startIndex
        for size in Self.insertChunkSizes {
            while endIndex - start >= size {
                chunks.append(self[start..<start + size])
                start += size
            }
        }
        return chunks
    }
}
