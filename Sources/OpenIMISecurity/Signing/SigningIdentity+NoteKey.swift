import Crypto
import Foundation

extension SigningIdentity {
    /// The Ed25519 key that signs the access log's checkpoints as signed notes, named `origin`.
    ///
    /// It is derived from this identity's private key (HKDF-SHA-256 with its own label), so it is
    /// kept, rotated and retired with it and needs no file of its own; its public key cannot be
    /// derived from the certificate, so it is published (`openimi keys log-key`) and carried in
    /// every evidence file, whose signature vouches for it.
    public func noteSigner(origin: String) throws -> NoteSigner {
        let seed = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: privateKey.rawRepresentation), salt: Data("OpenIMI".utf8),
            info: Data("access-log checkpoint note key, Ed25519, v1".utf8), outputByteCount: 32)
        let key = try seed.withUnsafeBytes { try Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
        return try NoteSigner(name: origin, type: .ed25519, key: key)
    }
}
