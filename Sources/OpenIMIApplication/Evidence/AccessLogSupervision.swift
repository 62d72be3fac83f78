import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// What the platform's operators see of the access log's protection: where checkpoints are kept
/// outside the database, whether the log still extends them, which witnesses cosigned, and the
/// alarms. No personal data: sizes, hashes, names and times.
public struct AccessLogSupervision: Sendable {
    /// Signs and anchors checkpoints.
    public let checkpointer: LogCheckpointer
    /// For the access policy.
    public let identity: IdentityService
    /// What each witness last answered.
    public let witnessingStatus: WitnessingStatus

    /// Creates it from its parts.
    public init(checkpointer: LogCheckpointer, identity: IdentityService, witnessingStatus: WitnessingStatus) {
        self.checkpointer = checkpointer
        self.identity = identity
        self.witnessingStatus = witnessingStatus
    }

    /// One witness as the operators see it.
    public struct WitnessState: Sendable {
        /// Its name.
        public let name: String
        /// Its address.
        public let address: String
        /// Whether it cosigned the newest checkpoint.
        public let cosignedNewest: Bool
        /// The largest checkpoint it cosigned, and when the cosignature arrived.
        public let lastCosigned: (treeSize: Int64, at: Int64)?
        /// Why its last submission failed; nil when it cosigned.
        public let problem: WitnessProblem?
    }

    /// The overview.
    public struct Overview: Sendable {
        /// The log's origin.
        public let origin: String
        /// The log's note verifier key, for witnesses.
        public let logKey: String
        /// The checkpoint file.
        public let checkpointFile: String
        /// The newest checkpoint.
        public let newest: LogCheckpoint?
        /// Why the log no longer extends its checkpoints, when it does not.
        public let inconsistency: String?
        /// How many witnesses must cosign.
        public let quorum: Int
        /// The witnesses.
        public let witnesses: [WitnessState]
        /// The newest alarms.
        public let alarms: [LogAlarmRepository.Alarm]
    }

    /// The overview, for an operator.
    public func overview(for principal: Principal) async throws -> Overview {
        try identity.authorize(principal, .superviseAccessLog, on: .platform)
        let sql = checkpointer.database.sql
        let newest = try await CheckpointRepository(sql: sql).latest()?.checkpoint
        let last = try await CheckpointRepository(sql: sql).lastCosigned()
        let witnesses = (checkpointer.witnessing?.endpoints ?? []).map { endpoint in
            WitnessState(
                name: endpoint.name, address: "http://\(endpoint.host):\(endpoint.port)\(endpoint.path)",
                cosignedNewest: newest?.note?.isSigned(by: endpoint.verifier) ?? false,
                lastCosigned: last[endpoint.name], problem: witnessingStatus.outcome(of: endpoint.name)?.problem)
        }
        return Overview(
            origin: checkpointer.origin, logKey: try checkpointer.logKey(of: try checkpointer.keys.current()).vkey,
            checkpointFile: checkpointer.anchor?.url.path ?? "—", newest: newest, inconsistency: checkpointer.status.inconsistentLog,
            quorum: checkpointer.quorum, witnesses: witnesses, alarms: try await LogAlarmRepository(sql: sql).recent())
    }
}
