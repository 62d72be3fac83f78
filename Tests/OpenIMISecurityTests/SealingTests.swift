import Foundation
import OpenIMISecurity
import Testing

/// AES-256-GCM sealing under data keys wrapped by a master key.
@Suite struct SealingTests {
    static func ring() throws -> DataKeyRing {
        DataKeyRing(current: try MasterKey(bytes: SystemSecureRandom().bytes(32)))
    }

    @Test func sealedValuesOpenOnlyWithTheirKeyAndContext() throws {
        let ring = try Self.ring()
        let (key, masterKeyID, wrapped) = try ring.newDataKey(random: SystemSecureRandom())
        let sealed = try key.seal("Mette Kjær", context: "information_request/1/personal_data")
        #expect(DataKey.isSealed(sealed) && !sealed.contains("Mette"))
        #expect(try key.open(sealed, context: "information_request/1/personal_data") == "Mette Kjær")
        #expect(throws: SealingError.cannotOpen) { try key.open(sealed, context: "information_request/2/personal_data") }
        var bytes = Array(sealed.utf8)
        bytes[bytes.count - 3] = bytes[bytes.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(throws: SealingError.cannotOpen) {
            try key.open(String(decoding: bytes, as: UTF8.self), context: "information_request/1/personal_data")
        }
        #expect(throws: SealingError.notSealed) { try key.open("Mette Kjær", context: "x") }

        let unwrapped = try ring.unwrap(wrapped, masterKeyID: masterKeyID)
        #expect(try unwrapped.open(sealed, context: "information_request/1/personal_data") == "Mette Kjær")
        let other = try Self.ring()
        #expect(throws: SealingError.unknownMasterKey(masterKeyID)) { try other.unwrap(wrapped, masterKeyID: masterKeyID) }

        let blob = try key.seal(blob: Data("%PDF-1.4 diploma".utf8), context: "a")
        #expect(blob.starts(with: DataKey.blobPrefix))
        #expect(try key.open(blob: blob, context: "a") == Data("%PDF-1.4 diploma".utf8))
    }

    @Test func aRewrappedKeyIsTheSameKeyUnderTheNewMasterKey() throws {
        let old = try Self.ring()
        let (key, masterKeyID, wrapped) = try old.newDataKey(random: SystemSecureRandom())
        let sealed = try key.seal("Søren Østergaard", context: "c")
        let rotated = DataKeyRing(current: try MasterKey(bytes: SystemSecureRandom().bytes(32)), earlier: [old.current])
        let (newID, rewrapped) = try rotated.rewrap(wrapped, masterKeyID: masterKeyID)
        #expect(newID == rotated.current.id && rewrapped != wrapped)
        let withoutOld = DataKeyRing(current: rotated.current)
        #expect(try withoutOld.unwrap(rewrapped, masterKeyID: newID).open(sealed, context: "c") == "Søren Østergaard")
        // Short records sealed with the master key itself.
        let record = try rotated.seal("{\"id\":1}", context: "idempotency_record/u/k")
        #expect(try rotated.open(record, context: "idempotency_record/u/k") == "{\"id\":1}")
        #expect(throws: SealingError.cannotOpen) { try rotated.open(record, context: "idempotency_record/u/other") }
    }
}
