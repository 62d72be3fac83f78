import Crypto
import Foundation
import X509

/// The platform's signing keys in a directory only the owner may read.
///
/// ```
/// keys/                      0700
///   current                  id of the key in use
///   <key id>/                0700, one per key, kept after rotation
///     key.pem                0600, PKCS #8 private key
///     certificate.pem        0600, the certificate in use for this key
///     certificate-<time>.pem certificates it replaced
/// ```
public struct SigningKeyStore: Sendable {
    /// The key directory.
    public let directory: URL

    /// A store in `directory` (created on first use).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The key in use, created with a self-signed certificate for `subject` when the directory holds none.
    public func loadOrCreate(subject: @autoclosure () throws -> DistinguishedName, now: Date) throws -> SigningIdentity {
        if FileManager.default.fileExists(atPath: currentFile.path) { return try current() }
        let identity = try SigningIdentity.create(subject: subject(), now: now)
        try save(identity)
        try write(Data(identity.keyID.utf8), to: currentFile)
        return identity
    }

    /// The key in use.
    public func current() throws -> SigningIdentity {
        try checkPermissions(directory)
        let id = try String(decoding: read(currentFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try identity(keyID: id)
    }

    /// The key `keyID`, current or rotated out.
    public func identity(keyID: String) throws -> SigningIdentity {
        guard keyID.count == 64, keyID.allSatisfy(\.isHexDigit) else { throw SigningKeyError.unknownKey(keyID) }
        let folder = directory.appendingPathComponent(keyID, isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.path) else { throw SigningKeyError.unknownKey(keyID) }
        let keyFile = folder.appendingPathComponent("key.pem")
        try checkPermissions(keyFile)
        let key: P256.Signing.PrivateKey
        do {
            key = try P256.Signing.PrivateKey(pemRepresentation: String(decoding: read(keyFile), as: UTF8.self))
        } catch let error as SigningKeyError {
            throw error
        } catch {
            throw SigningKeyError.unreadable(path: keyFile.path, reason: "not a P-256 private key in PEM")
        }
        let certificateFile = folder.appendingPathComponent("certificate.pem")
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: String(decoding: read(certificateFile), as: UTF8.self))
        } catch let error as SigningKeyError {
            throw error
        } catch {
            throw SigningKeyError.unreadable(path: certificateFile.path, reason: "not an X.509 certificate in PEM")
        }
        return try SigningIdentity(privateKey: key, certificate: certificate)
    }

    /// Every key in the directory, the current one included, oldest certificate first.
    public func identities() throws -> [SigningIdentity] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }.map { try identity(keyID: $0) }
            .sorted { $0.certificate.notValidBefore < $1.certificate.notValidBefore }
    }

    /// The public key of every key in the directory, by key id: what checkpoints and reports may be signed with.
    public func publicKeys() throws -> [String: P256.Signing.PublicKey] {
        Dictionary(try identities().map { ($0.keyID, $0.privateKey.publicKey) }, uniquingKeysWith: { first, _ in first })
    }

    /// Installs `pem` (read from `source`), a certificate a certificate authority issued for the
    /// current key, keeping the one it replaces.
    public func importCertificate(pem: String, from source: String = "The certificate", now: Date) throws -> SigningIdentity {
        let current = try current()
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: pem)
        } catch {
            throw SigningKeyError.unreadable(path: source, reason: "not an X.509 certificate in PEM")
        }
        let identity = try SigningIdentity(privateKey: current.privateKey, certificate: certificate)
        guard certificate.notValidBefore <= now, now <= certificate.notValidAfter else {
            throw SigningKeyError.certificateNotValid(notBefore: certificate.notValidBefore, notAfter: certificate.notValidAfter)
        }
        let folder = directory.appendingPathComponent(current.keyID, isDirectory: true)
        let stamp = Int(now.timeIntervalSince1970)
        try write(
            try current.certificate.serializeAsPEM().pemString.data(using: .utf8)!,
            to: folder.appendingPathComponent("certificate-\(stamp).pem"))
        try write(Data(try identity.certificatePEM.utf8), to: folder.appendingPathComponent("certificate.pem"))
        return identity
    }

    /// Replaces the key in use by a new one with a self-signed certificate; the old key stays for verification.
    public func rotate(subject: DistinguishedName, now: Date) throws -> SigningIdentity {
        _ = try current()
        let identity = try SigningIdentity.create(subject: subject, now: now)
        try save(identity)
        try write(Data(identity.keyID.utf8), to: currentFile)
        return identity
    }

    private var currentFile: URL { directory.appendingPathComponent("current") }

    private func save(_ identity: SigningIdentity) throws {
        let folder = directory.appendingPathComponent(identity.keyID, isDirectory: true)
        for path in [directory, folder] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path.path)
        }
        try write(Data(identity.privateKey.pemRepresentation.utf8), to: folder.appendingPathComponent("key.pem"))
        try write(Data(try identity.certificatePEM.utf8), to: folder.appendingPathComponent("certificate.pem"))
    }

    /// Writes `data` atomically (a temporary file renamed into place) with owner-only permissions.
    private func write(_ data: Data, to url: URL) throws {
        try data.write(to: url, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    private func read(_ url: URL) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else { throw SigningKeyError.missing(path: url.path) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SigningKeyError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
    }

    private func checkPermissions(_ url: URL) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            throw SigningKeyError.missing(path: url.path)
        }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw SigningKeyError.insecurePermissions(path: url.path)
        }
    }
}
