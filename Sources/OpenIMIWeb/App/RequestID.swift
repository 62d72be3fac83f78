import OpenIMIDomain

/// The id of an information request. Named here so that it, not Hummingbird's request-tracing
/// `RequestID`, is meant wherever the web module says `RequestID`.
typealias RequestID = OpenIMIDomain.RequestID
