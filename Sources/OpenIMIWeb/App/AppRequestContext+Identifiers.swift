import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension AppRequestContext {
    /// The identifier in path parameter `name`; `notFound` when it is not one, so a bad address
    /// reads like an unknown one.
    func identifier(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw InformationRequestError.notFound }
        return id
    }

    /// The information request named by the path parameter `name`; 404 when it is not an id.
    func requestID(_ name: String = "id") throws -> RequestID {
        RequestID(try identifier(name))
    }

    /// The alert named by the path parameter `name`; 404 when it is not an id.
    func alertID(_ name: String = "id") throws -> AlertID {
        AlertID(try identifier(name))
    }

    /// The notification id in path parameter `name`; 404 when it is not one.
    func notificationID(_ name: String = "id") throws -> MeasureNotificationID {
        MeasureNotificationID(try identifier(name))
    }

    /// The repository code in the path: letters, digits and hyphens; 404 otherwise.
    func code() throws -> String {
        guard let code = parameters.get("code"), !code.isEmpty, code.count <= 100,
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { throw RepositoryError.notFound }
        return code
    }

    /// The record id in the path; 404 when it is not one.
    func recordID() throws -> RepositoryRecordID {
        RepositoryRecordID(try identifier("id"))
    }
}
