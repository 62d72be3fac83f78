import Foundation

/// `openimi serve` processes started by a benchmark on loopback, sharing one database and one data
/// directory (keys), each writing its output to a log file there.
final class ServerProcesses: Sendable {
    private let processes: [Process]
    /// Where each process's output goes.
    let logFiles: [URL]

    /// Starts `count` servers on `firstPort` and the ports after it.
    init(count: Int, firstPort: Int, databaseURL: String, dataDirectory: String) throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var processes: [Process] = []
        var logFiles: [URL] = []
        for index in 0..<count {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", "\(firstPort + index)"]
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = databaseURL
            environment["OPENIMI_DATA_DIRECTORY"] = dataDirectory
            environment["LOG_LEVEL"] = "warning"
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
        self.processes = processes
        self.logFiles = logFiles
    }

    /// The servers' process ids.
    var pids: [Int32] { processes.map(\.processIdentifier) }

    /// Waits up to a minute for `client`'s server to answer `/health`; prints the logs if it does not.
    func waitUntilUp(_ client: BenchmarkClient) async throws {
        for attempt in 1...6 {
            do {
                return try await client.waitUntilUp()
            } catch {
                guard attempt == 6, processes.allSatisfy(\.isRunning) else { continue }
            }
        }
        for log in logFiles { print((try? String(contentsOf: log, encoding: .utf8)) ?? "") }
        throw BenchmarkError.serverDidNotStart
    }

    /// Asks every server to shut down (each signs its last checkpoint) and waits until they have.
    func stopAndWait() async throws {
        stop()
        while processes.contains(where: \.isRunning) { try await Task.sleep(for: .milliseconds(100)) }
    }

    /// Asks every server still running to shut down.
    func stop() {
        for process in processes where process.isRunning { process.terminate() }
    }
}
