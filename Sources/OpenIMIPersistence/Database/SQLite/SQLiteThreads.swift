import NIOCore
import NIOPosix

/// The threads SQLite's statements run on. SQLite's calls block until the engine is done (a read
/// of a large page, a commit waiting for the disk); run on Swift's cooperative threads, which are
/// as many as the cores, two such calls would stop every other request of the server until they
/// return. Here they block threads of their own, a few more than the cores so that the writer is
/// not kept waiting behind readers.
enum SQLiteThreads {
    /// The pool, started on first use and kept for the life of the process (stores of every
    /// database the process opens share it).
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount + 2)
        pool.start()
        return pool
    }()
}
