import ArgumentParser
import Foundation
import UnixSignals

/// What a benchmark does when it is interrupted (Ctrl-C, `SIGTERM`, a closed terminal's `SIGHUP`).
///
/// Without it the signal's default action ends the process at once: the server processes a
/// benchmark started run on (Foundation starts them in process groups of their own, so the
/// terminal's Ctrl-C never reaches them), and its throw-away schema and data directory, keys
/// included, stay behind. Instead, the first signal cancels the run, which stops its servers and
/// lets the usual clean-up remove what it made; a second signal ends the process at once.
enum Interruption {
    /// The signals that interrupt a benchmark.
    static let signals: [UnixSignal] = [.sigint, .sigterm, .sighup]

    /// Runs `work`; a signal cancels it and, once it has ended, ends this run with exit status
    /// 128 + the signal's number (as the signal itself would, for the shell).
    static func cancelling(_ work: @escaping @Sendable () async throws -> Void) async throws {
        let task = Task { try await work() }
        let watcher = Task { () -> UnixSignal? in
            var first: UnixSignal?
            for await signal in await UnixSignalsSequence(trapping: signals) {
                guard first == nil else { exit(128 + signal.rawValue) }
                first = signal
                FileHandle.standardError.write(
                    Data("\(signal): stopping the servers and removing the throw-away database (again to end at once)\n".utf8))
                task.cancel()
            }
            return first
        }
        let outcome = await task.result
        watcher.cancel()
        if let signal = await watcher.value { throw ExitCode(128 + signal.rawValue) }
        try outcome.get()
    }
}
