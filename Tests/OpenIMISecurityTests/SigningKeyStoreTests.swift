import Crypto
import Foundation
import OpenIMISecurity
import OpenIMITestSupport
import Testing
import X509

/// The platform's signing keys: created once, owner-only, with certificates and requests that
/// OpenSSL (a tool this project did not write) accepts.
@Suite struct SigningKeyStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func freshStore() -> SigningKeyStore {
        SigningKeyStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("openimi-keys-\(UUID().uuidString)"))
    }

    func subject() throws -> DistinguishedName { try SigningIdentity.subject(organisation: "OpenIMI test platform") }

    @Test func firstUseCreatesOneKeyOnlyTheOwnerCanRead() throws {
        let store = freshStore()
        let identity = try store.loadOrCreate(subject: try subject(), now: now)
        #expect(try store.loadOrCreate(subject: try subject(), now: now).keyID == identity.keyID, "created once")
        let folder = store.directory.appendingPathComponent(identity.keyID)
        for (path, mode) in [(store.directory.path, 0o700), (folder.path, 0o700), (folder.appendingPathComponent("key.pem").path, 0o600)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect(attributes[.posixPermissions] as? Int == mode, "\(path)")
        }
        let certificate = identity.certificate
        #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate), "self-signed")
        #expect(certificate.notValidBefore <= now && now < certificate.notValidAfter)

        // The key id is the SHA-256 of the certificate's public key, as OpenSSL computes it.
        let certificateFile = folder.appendingPathComponent("certificate.pem").path
        let publicKey = try OpenSSL.run(["x509", "-in", certificateFile, "-noout", "-pubkey"])
        let der = try OpenSSL.run(["pkey", "-pubin", "-outform", "DER"], input: Data(publicKey))
        #expect(SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined() == identity.keyID)
        let text = String(
            decoding: try OpenSSL.run(["x509", "-in", certificateFile, "-noout", "-subject", "-ext", "keyUsage"]), as: UTF8.self)
        #expect(text.contains("OpenIMI test platform") && text.contains("Digital Signature"), "\(text)")
    }

    @Test func serialNumbersFitTwentyOctetsAsDER() throws {
        // A serial with its top bit set would need a leading zero octet: 21 in all, which NSS refuses.
        for _ in 0..<64 {
            let identity = try SigningIdentity.create(subject: try SigningIdentity.subject(organisation: "Test"), now: now)
            let serial = Array(identity.certificate.serialNumber.bytes)
            #expect(serial.count <= 20)
            #expect(serial.first.map { $0 & 0x80 == 0 } == true)
        }
    }

    @Test func aCertificateSigningRequestIsSignedByTheKey() throws {
        let store = freshStore()
        let identity = try store.loadOrCreate(subject: try subject(), now: now)
        let csr = try identity.certificateSigningRequest(subject: try SigningIdentity.subject(organisation: "Styrelsen for IMI"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-\(UUID().uuidString).csr")
        try Data(csr.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let parsed = try CertificateSigningRequest(pemEncoded: csr)
        #expect(parsed.publicKey == Certificate.PublicKey(identity.privateKey.publicKey))
        // From the outside: OpenSSL verifies the request's signature.
        let verified = String(decoding: try OpenSSL.run(["req", "-in", file.path, "-verify", "-noout", "-subject"]), as: UTF8.self)
        #expect(verified.contains("Styrelsen for IMI"), "\(verified)")
    }

    @Test func anIssuedCertificateIsImportedOnlyForTheCurrentKeyAndWhileValid() throws {
        let store = freshStore()
        let identity = try store.loadOrCreate(subject: try subject(), now: now)
        let authorityKey = P256.Signing.PrivateKey()
        let authorityName = try DistinguishedName { CommonName("Test certificate authority") }
        func issue(for key: P256.Signing.PublicKey, from start: Date, to end: Date) throws -> String {
            try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key), notValidBefore: start, notValidAfter: end,
                issuer: authorityName, subject: try subject(), signatureAlgorithm: .ecdsaWithSHA256, extensions: .init(),
                issuerPrivateKey: .init(authorityKey)
            ).serializeAsPEM().pemString
        }
        let year = 365.0 * 86_400
        #expect(throws: SigningKeyError.certificateForAnotherKey) {
            try store.importCertificate(
                pem: try issue(for: P256.Signing.PrivateKey().publicKey, from: now, to: now + year), now: now)
        }
        #expect(throws: SigningKeyError.self) {
            try store.importCertificate(pem: try issue(for: identity.privateKey.publicKey, from: now - 2 * year, to: now - year), now: now)
        }
        #expect(throws: SigningKeyError.self) { try store.importCertificate(pem: "-----BEGIN CERTIFICATE-----\nAAAA\n", now: now) }
        #expect(try store.current().certificate == identity.certificate, "refused imports change nothing")

        let imported = try store.importCertificate(pem: try issue(for: identity.privateKey.publicKey, from: now, to: now + year), now: now)
        #expect(imported.keyID == identity.keyID && imported.certificate.issuer == authorityName)
        #expect(try store.current().certificate.issuer == authorityName)
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.directory.appendingPathComponent(identity.keyID).path)
        #expect(kept.contains { $0.hasPrefix("certificate-") }, "the replaced certificate stays available")
    }

    @Test func rotationKeepsEveryEarlierKey() throws {
        let store = freshStore()
        let first = try store.loadOrCreate(subject: try subject(), now: now)
        let second = try store.rotate(subject: try subject(), now: now + 60)
        #expect(first.keyID != second.keyID)
        #expect(try store.current().keyID == second.keyID)
        #expect(try store.identity(keyID: first.keyID).certificate == first.certificate)
        #expect(try store.identities().map(\.keyID) == [first.keyID, second.keyID])
        #expect(throws: SigningKeyError.unknownKey(String(repeating: "0", count: 64))) {
            try store.identity(keyID: String(repeating: "0", count: 64))
        }
    }

    @Test func keysOthersCouldReadOrThatAreMissingAreRefusedByName() throws {
        let store = freshStore()
        let identity = try store.loadOrCreate(subject: try subject(), now: now)
        let keyFile = store.directory.appendingPathComponent(identity.keyID).appendingPathComponent("key.pem")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile.path)
        #expect(throws: SigningKeyError.insecurePermissions(path: keyFile.path)) { try store.current() }
        try FileManager.default.removeItem(at: keyFile)
        #expect(throws: SigningKeyError.missing(path: keyFile.path)) { try store.current() }
    }
}

/// Runs the `openssl` command-line tool (skipped where it is missing, as `ExternalTool` says).
enum OpenSSL {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: [String], input: Data? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ExternalTool.require("openssl", sourceLocation: sourceLocation)[0])
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "openssl \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
        }
        return Array(data)
    }
}
