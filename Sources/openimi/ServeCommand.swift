import ArgumentParser
import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIWeb

/// `openimi serve`: migrate, load reference data, and serve the web interface and the JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the server (applies migrations and loads reference data first).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on (env OPENIMI_HOSTNAME, default 127.0.0.1).")
    var hostname: String?

    @Option(help: "Port to listen on (env OPENIMI_PORT, default 8080).")
    var port: Int?

    @Option(help: "Directory holding DejaVuSans.ttf and DejaVuSans-Bold.ttf for the PDF reports (env OPENIMI_FONT_DIRECTORY).")
    var fontDirectory: String?

    @Flag(help: "Load the demo coordinators and authorities before serving (env OPENIMI_DEMO).")
    var demo = false

    func run() async throws {
        var flags: [AppConfig.Key: String] = [:]
        if let hostname { flags[.hostname] = hostname }
        if let port { flags[.port] = String(port) }
        if demo { flags[.demo] = "true" }
        if let fontDirectory { flags[.fontDirectory] = fontDirectory }
        let config = try common.config(extra: flags)
        let app = try await buildApplication(config: config)
        // Unbuffered, so the address shows at once even when output goes to a file.
        FileHandle.standardOutput.write(
            Data("OpenIMI (\(config.database)) is starting: open http://\(config.hostname):\(config.port)/\n".utf8))
        try await app.runService()
    }
}
