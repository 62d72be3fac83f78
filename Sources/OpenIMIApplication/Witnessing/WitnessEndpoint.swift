import Foundation
import OpenIMISecurity

/// A witness the platform submits its checkpoints to: its cosigning key and where it listens.
public struct WitnessEndpoint: Sendable, Hashable {
    /// The witness's public key (type 0x04, `cosignature/v1`); its name names the witness.
    public let verifier: NoteVerifier
    /// The host to connect to.
    public let host: String
    /// The port.
    public let port: Int
    /// The submission prefix's path, without a final slash (`""` or `/witness`).
    public let path: String

    /// A witness from its configuration, `<verifier key> <http URL of the submission prefix>`.
    public init(configuration: String) throws {
        let parts = configuration.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { throw WitnessingError.malformedConfiguration("expected \"<verifier key> <URL>\"") }
        try self.init(verifier: try NoteVerifier(vkey: String(parts[0])), url: String(parts[1]))
    }

    /// A witness with key `verifier` at `url` (http, the submission prefix).
    public init(verifier: NoteVerifier, url: String) throws {
        guard verifier.type == .cosignature else {
            throw WitnessingError.malformedConfiguration("the key is not a witness key (type 0x04)")
        }
        guard let parsed = URLComponents(string: url), parsed.scheme == "http", let host = parsed.host, !host.isEmpty,
            parsed.query == nil, parsed.user == nil
        else {
            throw WitnessingError.malformedConfiguration(
                "the address must be http://host:port/prefix (cosignatures are verified, so they need no TLS; use a bastion for the Internet)"
            )
        }
        self.verifier = verifier
        self.host = host
        port = parsed.port ?? 80
        path = parsed.path.hasSuffix("/") ? String(parsed.path.dropLast()) : parsed.path
    }

    /// The witness's name.
    public var name: String { verifier.name }

    /// The configuration form.
    public var configuration: String { "\(verifier.vkey) http://\(host):\(port)\(path)" }
}

/// Why witnessing could not be configured or done.
public enum WitnessingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A witness's configuration is malformed.
    case malformedConfiguration(String)
    /// The witness did not answer in time or could not be reached.
    case unreachable(String)
    /// The witness answered something that is not the protocol.
    case unexpectedAnswer(String)

    public var description: String {
        switch self {
        case .malformedConfiguration(let why): why
        case .unreachable(let why): "unreachable: \(why)"
        case .unexpectedAnswer(let why): "unexpected answer: \(why)"
        }
    }
}
