import Foundation
import Testing

/// Runs a tool the project did not write (poppler's pdfsig and pdftotext, openssl) and returns what it printed.
///
/// Such tools verify our output from the outside, so they are optional on a developer's machine: where
/// one is missing, the test that needs it is skipped at that point with the package to install named.
/// With `OPENIMI_REQUIRE_TOOLS=1` (set by CI) a missing tool fails the test instead.
public enum ExternalTool {
    /// The environment variable under which a missing tool is a failure, not a skip.
    public static let requireVariable = "OPENIMI_REQUIRE_TOOLS"

    /// A tool that was needed and is not on PATH.
    public struct Missing: Error, CustomStringConvertible, Equatable {
        /// The command that was looked for.
        public let tool: String

        /// The tool `tool` is missing.
        public init(tool: String) { self.tool = tool }

        public var description: String {
            "\(tool) is not on PATH; it comes with \(ExternalTool.installHint(tool)) (\(ExternalTool.requireVariable) is set, so this fails)"
        }
    }

    /// Whether a missing tool fails the run (CI) rather than skipping the test (a developer's machine).
    public static func isRequired(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        ["1", "true", "yes"].contains(environment[requireVariable]?.lowercased() ?? "")
    }

    /// Where to get `tool`, for the message of a skip or a failure.
    public static func installHint(_ tool: String) -> String {
        switch tool {
        case "pdfsig", "pdftotext", "pdffonts", "pdftoppm":
            "poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)"
        case "openssl": "openssl (Debian/Ubuntu: apt-get install openssl; macOS: brew install openssl)"
        default: "the package that provides \(tool)"
        }
    }

    /// The full path of `tool` on `path` (a PATH value), or nil when no executable file has that name.
    public static func location(of tool: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for directory in (path ?? "").split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What a missing `tool` means: `.skip` with a message on a developer's machine, `.fail` under the switch.
    public enum Absence: Equatable, Sendable {
        /// The test stops here and is reported as skipped with this message.
        case skip(String)
        /// The test fails with this error.
        case fail(Missing)
    }

    /// What to do when `tool` is missing, given `environment`.
    public static func absence(of tool: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Absence {
        isRequired(environment: environment)
            ? .fail(Missing(tool: tool))
            : .skip("\(tool) not found, the outside check is skipped: install \(installHint(tool))")
    }

    /// Returns the path of each of `tools`; where one is missing, skips the running test (naming
    /// the package) or, under `OPENIMI_REQUIRE_TOOLS`, throws `Missing`.
    @discardableResult
    public static func require(_ tools: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try tools.map { tool in
            if let found = location(of: tool) { return found }
            switch absence(of: tool) {
            case .skip(let message): try Test.cancel(Comment(rawValue: message), sourceLocation: sourceLocation)
            case .fail(let missing): throw missing
            }
        }
    }

    /// Runs `tool` (found on PATH) with `arguments`; standard output and error together. Skips or
    /// fails the running test as `require` says when the tool is missing.
    public static func run(
        _ tool: String, _ arguments: [String], input: Data? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (status: Int32, output: String) {
        let executable = try require(tool, sourceLocation: sourceLocation)[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes `bytes` to a new temporary file and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
