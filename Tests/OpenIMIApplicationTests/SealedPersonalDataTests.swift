import Foundation
import OpenIMIApplication
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIDomain
@testable import OpenIMIPersistence

/// Personal data sealed under per-request data keys: a master-key rotation re-wraps the keys and
/// leaves every ciphertext as it was; data stored in clear before sealing are sealed at start.
@Suite struct SealedPersonalDataTests {
    static func requests(_ count: Int, in database: any Database) async throws -> [InformationRequest] {
        let dk = try await Samples.registerNational("DK", in: database)
        let si = try await Samples.registerNational("SI", in: database)
        let danish = try await Samples.registerValidated(
            Samples.authority("DK", names: [.da: "Organ", .en: "Authority"]), by: dk, in: database)
        let slovenian = try await Samples.registerValidated(
            Samples.authority("SI", names: [.sl: "Organ", .en: "Body"]), by: si, in: database)
        return SyntheticRequests.requests(
            count: count, procedure: "pq-information-request", legalArea: "professional-qualifications",
            questions: ["legally-established"], authorities: [(danish.id, danish.memberState), (slovenian.id, slovenian.memberState)],
            now: Date())
    }

    static func column(_ name: String, of table: String, in database: any Database) async throws -> [String] {
        try await database.sql.raw("SELECT \(ident: name) AS value FROM \(ident: table) ORDER BY 1").all()
            .compactMap { try $0.decode(column: "value", as: String?.self) }
    }

    @Test func rotationRewrapsEveryDataKeyAndLeavesTheDataAsTheyWere() async throws {
        try await TestDatabase.withDatabase { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-master-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("master.key")
            let ring = try DataKeyRing.load(environmentValue: nil, previousValue: nil, file: file, random: SystemSecureRandom())
            let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
            let requests = try await Self.requests(30, in: database)
            try await database.transaction { try await RequestRepository(sql: $0, keys: ring).insert(batch: requests, now: Date()) }
            let sealedBefore = try await Self.column("personal_data", of: "information_request", in: database)
            #expect(sealedBefore.allSatisfy(DataKey.isSealed))

            let outcome = try await MasterKeyRotation(database: database, ring: ring).rotate(file: file, random: SystemSecureRandom())
            #expect(outcome.rewrapped == 30 && outcome.masterKeyID != ring.current.id)
            #expect(!FileManager.default.fileExists(atPath: file.path + DataKeyRing.nextSuffix))
            #expect(
                try await Self.column("master_key_id", of: "request_data_key", in: database)
                    == Array(repeating: outcome.masterKeyID, count: 30))
            #expect(
                try await Self.column("personal_data", of: "information_request", in: database) == sealedBefore, "data are not re-encrypted"
            )

            let reloaded = try DataKeyRing.load(environmentValue: nil, previousValue: nil, file: file, random: SystemSecureRandom())
            #expect(reloaded.current.id == outcome.masterKeyID)
            let found = try #require(try await RequestRepository(sql: database.sql, keys: reloaded).find(requests[7].id.uuid))
            #expect(found.subject == requests[7].subject)
            await #expect(throws: SealingError.unknownMasterKey(outcome.masterKeyID)) {
                try await RequestRepository(sql: database.sql, keys: ring).find(requests[7].id.uuid)
            }
            // A second run finds nothing left to do.
            #expect(try await MasterKeyRotation(database: database, ring: reloaded).rewrapAll().rewrapped == 0)
        }
    }

    @Test func dataStoredInClearBeforeSealingAreSealedAtStart() async throws {
        try await TestDatabase.withDatabase { database in
            let keys = TestKeys.ring()
            var drafted = try await Self.requests(3, in: database)
            drafted[1].steps[0].comment = "Ringede til Anna Jensen"
            let requests = drafted
            try await database.transaction { try await RequestRepository(sql: $0, keys: keys).insert(batch: requests, now: Date()) }
            // As an older version stored it: no data key, personal data and comment in clear.
            let id = requests[1].id.description
            let clear = JSONText.encode(
                RequestRecord.PersonalData(subject: requests[1].subject, freeText: requests[1].freeText, answers: requests[1].answers))
            try await database.transaction { sql in
                try await sql.delete(from: "request_data_key").where("request_id", .equal, id).run()
                try await sql.update("information_request").set("personal_data", to: clear).where("id", .equal, id).run()
                try await sql.update("request_step").set("comment", to: "Ringede til Anna Jensen").where("request_id", .equal, id).run()
            }

            #expect(try await PersonalDataSealing(database: database, keys: keys).sealExisting(now: Date()) == 1)
            #expect(try await PersonalDataSealing(database: database, keys: keys).sealExisting(now: Date()) == 0)
            #expect(try await Self.column("personal_data", of: "information_request", in: database).allSatisfy(DataKey.isSealed))
            let comments = try await Self.column("comment", of: "request_step", in: database)
            #expect(comments.allSatisfy(DataKey.isSealed) && !comments.isEmpty)
            let found = try #require(try await RequestRepository(sql: database.sql, keys: keys).find(requests[1].id.uuid))
            #expect(found.subject == requests[1].subject && found.steps[0].comment == "Ringede til Anna Jensen")
        }
    }
}
