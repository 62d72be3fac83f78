import Foundation

/// `openimi serve` processes started by a benchmark on loopback, sharing one database and one data
/// directory (keys), each writing its output to a log file there.
final class ServerProcesses: Sendable {
    private let processes: [Process]
    /// Where each process's output goes.
    let logFiles: [URL]
    /// The first server's port; the others listen on the ports after it.
    let firstPort: Int

    /// Starts `count` servers on `firstPort` and the ports after it. They get an environment of
    /// their own — the database, the data directory, the log level, the path — never the caller's:
    /// a shell that holds a deployment's keys, witnesses or mail relay must not lend them to a
    /// benchmark. The database URL goes through the environment, not the command line.
    init(count: Int, firstPort: Int, databaseURL: String, dataDirectory: String) throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var environment = [
            "DATABASE_URL": databaseURL, "OPENIMI_DATA_DIRECTORY": dataDirectory, "LOG_LEVEL": "warning",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        if let fonts = ProcessInfo.processInfo.environment["OPENIMI_FONT_DIRECTORY"] { environment["OPENIMI_FONT_DIRECTORY"] = fonts }
        var processes: [Process] = []
        var logFiles: [URL] = []
        do {
            for index in 0..<count {
                let process = Process()
                process.executableURL = executable
                process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", "\(firstPort + index)"]
                process.environment = environment
                // Never the caller's folder: a server creates files in its working directory's data folder.
                process.currentDirectoryURL = URL(fileURLWithPath: dataDirectory)
                let log = URL(fileURLWithPath: dataDirectory).appendingPathComponent("instance-\(index).log")
                _ = FileManager.default.createFile(atPath: log.path, contents: nil, attributes: [.posixPermissions: 0o600])
                let handle = try FileHandle(forWritingTo: log)
                process.standardOutput = handle
                process.standardError = handle
                try process.run()
                processes.append(process)
                logFiles.append(log)
            }
        } catch {
            for process in processes where process.isRunning { process.terminate() }
            throw error
        }
        self.processes = processes
        self.logFiles = logFiles
        self.firstPort = firstPort
    }

    /// The servers' process ids.
    var pids: [Int32] { processes.map(\.processIdentifier) }

    /// Waits up to a minute for server `index` to answer `/health` through `client`; an answer while
    /// that server has exited came from another process on its port, and counts as a failure.
    func waitUntilUp(_ index: Int, _ client: BenchmarkClient) async throws {
        for _ in 1...6 {
            guard processes[index].isRunning else { break }
            if (try? await client.waitUntilUp()) != nil, processes[index].isRunning { return }
        }
        for log in logFiles { print((try? String(contentsOf: log, encoding: .utf8)) ?? "") }
        throw BenchmarkError.serverDidNotStart
    }

    /// Asks every server to shut down (each signs its last checkpoint) and waits until they have;
    /// after a minute, ends those still running.
    ///
    /// The wait is not cancelled with the caller: an interrupted run must still wait for its
    /// servers before their database and data directory are removed.
    func stopAndWait() async {
        stop()
        await Task.detached {
            for _ in 0..<600 where self.processes.contains(where: \.isRunning) { try? await Task.sleep(for: .milliseconds(100)) }
            for process in self.processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }.value
    }

    /// Asks every server still running to shut down.
    func stop() {
        for process in processes where process.isRunning { process.terminate() }
    }
}
