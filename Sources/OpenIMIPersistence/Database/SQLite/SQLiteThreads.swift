import NIOCore
import NIOPosix

/// The threads SQLite's waiting statements run on. `BEGIN IMMEDIATE` can wait for another
/// process's write lock (up to the busy timeout) and `COMMIT` waits for the disk to flush
/// (`synchronous=FULL`); on Swift's cooperative threads, which are as many as the cores, such
/// waits would stop every other request of the server. Statements that compute (reads, inserts)
/// stay on the calling thread: measured, handing each of them to a worker thread and back cost
/// more than it freed (the request benchmark's logged read fell from 2,305 to 1,220 per second at
/// 64 connections, cycles from 97 to 66 per second), while a group's two waits cost one hop each.
enum SQLiteThreads {
    /// The pool, started on first use and kept for the life of the process; stores of every
    /// database the process opens share it, each with at most one waiting statement at a time.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()
}
