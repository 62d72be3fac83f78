import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMISecurity
import X509

/// `openimi keys`: the platform's signing keys and certificates.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "The platform's signing key: show, export, request and import a certificate, rotate.",
        discussion: """
            The key directory (OPENIMI_KEY_DIRECTORY, default ./keys) is created with owner-only \
            permissions on first start. A running server keeps the key it started with: restart it \
            after importing a certificate or rotating the key.
            """,
        subcommands: [Show.self, Export.self, LogKey.self, Request.self, Import.self, Rotate.self], defaultSubcommand: Show.self)

    /// Where the keys are, from `--key-directory`, then the environment, then the default.
    struct Location: ParsableArguments {
        @Option(name: .customLong("key-directory"), help: "The key directory (env OPENIMI_KEY_DIRECTORY, default ./keys).")
        var keyDirectory: String?

        /// The store in the configured directory.
        func store() throws -> SigningKeyStore {
            var flags: [AppConfig.Key: String] = [:]
            if let keyDirectory { flags[.keyDirectory] = keyDirectory }
            do {
                let config = try AppConfig.resolve(flags: flags, environment: ProcessInfo.processInfo.environment)
                return SigningKeyStore(directory: URL(fileURLWithPath: config.keyDirectory))
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// `openimi keys show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the key in use, its certificate, and the earlier keys.")
        @OptionGroup var location: Location

        func run() throws {
            let store = try location.store()
            let current = try store.current()
            print(KeyDescription(current).lines(heading: "Key in use").joined(separator: "\n"))
            for earlier in try store.identities() where earlier.keyID != current.keyID {
                print(KeyDescription(earlier).lines(heading: "Earlier key").joined(separator: "\n"))
            }
        }
    }

    /// `openimi keys log-key`.
    struct LogKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log-key",
            abstract: "Print the access log's note verifier key (of the key in use): what witnesses are given with --log.")
        @OptionGroup var location: Location
        @Option(help: "The log's origin (env OPENIMI_LOG_ORIGIN; by default from OPENIMI_PUBLIC_URL).")
        var origin: String?

        func run() throws {
            var flags: [AppConfig.Key: String] = [:]
            if let origin { flags[.logOrigin] = origin }
            let config: AppConfig
            do {
                config = try AppConfig.resolve(flags: flags, environment: ProcessInfo.processInfo.environment)
            } catch {
                throw ValidationError(error.description)
            }
            print(try location.store().current().noteSigner(origin: config.resolvedLogOrigin).verifier.vkey)
        }
    }

    /// `openimi keys export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a key's certificate in PEM (the key in use by default).")
        @OptionGroup var location: Location
        @Option(name: .customLong("key-id"), help: "The id of an earlier key.")
        var keyID: String?

        func run() throws {
            let store = try location.store()
            print(try (keyID.map(store.identity(keyID:)) ?? store.current()).certificatePEM, terminator: "")
        }
    }

    /// `openimi keys request`.
    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request", abstract: "Print a certificate signing request (PEM) for the key in use, for a certificate authority.")
        @OptionGroup var location: Location
        @Option(name: .customLong("common-name"), help: "The certificate's common name.")
        var commonName = "OpenIMI platform signing key"
        @Option(name: .customLong("organisation"), help: "The organisation that runs the platform.")
        var organisation: String

        func run() throws {
            let identity = try location.store().current()
            print(
                try identity.certificateSigningRequest(
                    subject: SigningIdentity.subject(organisation: organisation, commonName: commonName)), terminator: "")
        }
    }

    /// `openimi keys import`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a certificate a certificate authority issued for the key in use.")
        @OptionGroup var location: Location
        @Argument(help: "The certificate in PEM.")
        var file: String

        func run() throws {
            guard let pem = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("Cannot read \(file).") }
            let identity = try location.store().importCertificate(pem: pem, from: file, now: Date())
            print(KeyDescription(identity).lines(heading: "Certificate installed for key").joined(separator: "\n"))
        }
    }

    /// `openimi keys rotate`.
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new key with a self-signed certificate and use it from now on; earlier keys stay for verification.")
        @OptionGroup var location: Location

        func run() throws {
            let identity = try location.store().rotate(subject: SigningIdentity.subject(organisation: "OpenIMI"), now: Date())
            print(KeyDescription(identity).lines(heading: "New key in use").joined(separator: "\n"))
        }
    }
}

/// What `openimi keys` prints about one key.
struct KeyDescription {
    let identity: SigningIdentity

    init(_ identity: SigningIdentity) {
        self.identity = identity
    }

    /// The heading line with the key id, then subject, issuer and validity.
    func lines(heading: String) -> [String] {
        let certificate = identity.certificate
        let dates = ISO8601DateFormatter()
        return [
            "\(heading): \(identity.keyID)",
            "  subject:  \(certificate.subject)",
            "  issuer:   \(certificate.issuer)\(certificate.issuer == certificate.subject ? " (self-signed)" : "")",
            "  valid:    \(dates.string(from: certificate.notValidBefore)) to \(dates.string(from: certificate.notValidAfter))",
        ]
    }
}
