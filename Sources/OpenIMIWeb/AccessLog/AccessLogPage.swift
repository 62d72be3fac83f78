import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity

/// The operators' page on the access log, ready for the template.
struct AccessLogPage {
    struct Witness {
        let name: String
        let address: String
        let cosignedNewest: String
        let lastCosigned: String
        let problem: String
    }

    struct Alarm {
        let when: String
        let source: String
        let kind: String
        let detail: String
    }

    let origin: String
    let logKey: String
    let file: String
    let newest: String
    let inconsistency: String?
    let quorum: String
    let witnesses: [Witness]
    let alarms: [Alarm]

    let hasWitnesses: Bool
    let hasAlarms: Bool

    init(_ overview: AccessLogSupervision.Overview, catalog: Catalog) {
        func time(_ seconds: Int64) -> String { DateText.minute(Date(timeIntervalSince1970: Double(seconds))) }
        origin = overview.origin
        logKey = overview.logKey
        file = overview.checkpointFile
        newest =
            overview.newest.map {
                catalog.text(
                    "accessLog.newestValue", ["size": String($0.treeSize), "time": time($0.at), "root": ContentDigest.hex($0.rootHash)])
            } ?? catalog.text("accessLog.none")
        inconsistency = overview.inconsistency.map { catalog.text("accessLog.inconsistent", ["reason": $0]) }
        quorum = catalog.text("accessLog.quorum", ["quorum": String(overview.quorum)])
        witnesses = overview.witnesses.map { witness in
            Witness(
                name: witness.name, address: witness.address,
                cosignedNewest: catalog.text(witness.cosignedNewest ? "accessLog.yes" : "accessLog.no"),
                lastCosigned: witness.lastCosigned.map {
                    catalog.text("accessLog.lastCosignedValue", ["size": String($0.treeSize), "time": time($0.at)])
                } ?? "—",
                problem: witness.problem.map { catalog.text("accessLog.problems.\($0.rawValue)") } ?? "—")
        }
        alarms = overview.alarms.map { Alarm(when: time($0.at), source: $0.source, kind: $0.kind, detail: $0.detail) }
        hasWitnesses = !witnesses.isEmpty
        hasAlarms = !alarms.isEmpty
    }
}
