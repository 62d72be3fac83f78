import Foundation
import OpenIMISecurity
import Testing

@Suite struct OneTimeCodeTests {
    /// RFC 6238 appendix B, the SHA-1 rows (8 digits, secret "12345678901234567890").
    @Test(arguments: [
        (59.0, "94287082"), (1_111_111_109.0, "07081804"), (1_111_111_111.0, "14050471"),
        (1_234_567_890.0, "89005924"), (2_000_000_000.0, "69279037"), (20_000_000_000.0, "65353130"),
    ])
    func rfc6238AppendixBVectors(time: Double, expected: String) {
        let code = OneTimeCode(secret: "12345678901234567890")
        #expect(code.code(at: Date(timeIntervalSince1970: time), digits: 8) == expected)
    }

    @Test func acceptsOneStepOfDriftAndRefusesReplay() {
        let code = OneTimeCode(secret: "12345678901234567890")
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let current = code.code(at: now)
        let step = OneTimeCode.stepNumber(at: now)
        #expect(code.acceptedStep(for: current, at: now, lastUsedStep: nil) == step)
        #expect(code.acceptedStep(for: current, at: now, lastUsedStep: step) == nil, "replay must be refused")
        #expect(code.acceptedStep(for: code.code(at: now.addingTimeInterval(-30)), at: now, lastUsedStep: nil) == step - 1)
        #expect(code.acceptedStep(for: code.code(at: now.addingTimeInterval(30)), at: now, lastUsedStep: nil) == step + 1)
        #expect(code.acceptedStep(for: code.code(at: now.addingTimeInterval(-90)), at: now, lastUsedStep: nil) == nil)
        #expect(code.acceptedStep(for: "12345", at: now, lastUsedStep: nil) == nil)
        #expect(code.acceptedStep(for: "abcdef", at: now, lastUsedStep: nil) == nil)
    }

    @Test func base32AndProvisioningURI() {
        #expect(Base32.encode(Array("12345678901234567890".utf8)) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.encode(Array("f".utf8)) == "MY" && Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        let uri = OneTimeCode(secret: "12345678901234567890").provisioningURI(account: "anna.dk", issuer: "OpenIMI")
        #expect(uri.hasPrefix("otpauth://totp/OpenIMI:anna.dk?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=OpenIMI"))
        #expect(uri.contains("digits=6") && uri.contains("period=30"))
    }

    @Test func newSecretsDiffer() {
        let random = SystemSecureRandom()
        #expect(OneTimeCode.newSecret(random: random) != OneTimeCode.newSecret(random: random))
        #expect(OneTimeCode.newSecret(random: random).count == 20)
    }
}

@Suite struct PasswordTests {
    @Test func ruleRefusesShortAndCommonPasswords() throws {
        let rule = try PasswordRule.bundled()
        #expect(rule.problem(with: "short") == .tooShort(minimum: 12))
        #expect(rule.problem(with: "passwordpassword") == .common)
        #expect(rule.problem(with: "PasswordPassword") == .common)
        #expect(rule.problem(with: "aaaaaaaaaaaaaaaa") == .common)
        #expect(rule.problem(with: String(repeating: "é", count: 40)) != nil)
        #expect(rule.problem(with: "correct horse battery staple") == nil)
    }

    @Test func bcryptHashesAreSaltedSlowAndVerify() async throws {
        let hasher = PasswordHasher(cost: 4)
        #expect(hasher.cost == 12, "cost is never below 12")
        let first = try await hasher.hash("correct horse battery staple")
        let second = try await hasher.hash("correct horse battery staple")
        #expect(first != second && first.hasPrefix("$2b$12$"))
        #expect(try await hasher.verify("correct horse battery staple", against: first))
        #expect(try await !hasher.verify("correct horse battery stapler", against: first))
        #expect(try await !hasher.verify("anything", against: nil))
        // The test suites' hasher is bcrypt's cheapest and says so in every hash it makes.
        #expect(try await PasswordHasher.forTests.hash("x").hasPrefix("$2b$04$"))
    }
}

@Suite struct SecretBoxTests {
    @Test func sealsAndRefusesTamperingOrAnotherKey() throws {
        let random = SystemSecureRandom()
        let box = try SecretBox(keyBytes: random.bytes(32))
        let sealed = try box.seal("12345678901234567890")
        #expect(!sealed.contains("1234567890"))
        #expect(try box.open(sealed) == "12345678901234567890")
        var bytes = Array(Data(base64Encoded: sealed)!)
        bytes[bytes.count - 1] ^= 1
        #expect(throws: (any Error).self) { try box.open(Data(bytes).base64EncodedString()) }
        #expect(throws: (any Error).self) { try SecretBox(keyBytes: random.bytes(32)).open(sealed) }
        #expect(throws: SecretBoxError.invalidKeyLength(16)) { try SecretBox(keyBytes: random.bytes(16)) }
    }

    @Test func keyFileIsCreatedOwnerOnly() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-key-\(UUID().uuidString)/secret.key")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let box = try SecretBox.load(environmentValue: nil, file: file, random: SystemSecureRandom())
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = try SecretBox.load(environmentValue: nil, file: file, random: SystemSecureRandom())
        #expect(try again.open(try box.seal("x")) == "x")
        #expect(OpaqueToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
