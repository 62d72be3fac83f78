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
}
