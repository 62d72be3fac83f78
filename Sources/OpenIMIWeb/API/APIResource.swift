/// A representation of a resource that a GET of its own address gives back. `JSONResponse` names it
/// in `Content-Location` (and, for 201, in `Location`), which is what a repeated idempotent call
/// reads again instead of a stored copy.
protocol APIResource {
    /// The path of the resource, e.g. `/api/v1/requests/{id}`.
    var resourcePath: String { get }
}

extension RequestsController.RequestDTO: APIResource {
    var resourcePath: String { Site.API.request.link(id) }
}

extension RightsRegisterController.EntryDTO: APIResource {
    var resourcePath: String { Site.API.rightsRequest.link(id) }
}

extension RequestsController.AttachmentDTO: APIResource {
    var resourcePath: String { Site.API.requestAttachmentDescription.link(requestId, id) }
}

extension CoordinatorQuestionsController.QuestionDTO: APIResource {
    var resourcePath: String { Site.API.coordinatorQuestion.link(id) }
}

extension AlertDTO: APIResource {
    var resourcePath: String { Site.API.alert.link(id) }
}

extension AlertExistenceDTO: APIResource {
    var resourcePath: String { Site.API.alert.link(id) }
}

extension MeasureNotificationDTO: APIResource {
    var resourcePath: String { Site.API.measureNotification.link(id) }
}
