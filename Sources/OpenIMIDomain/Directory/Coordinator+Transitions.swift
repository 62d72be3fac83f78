import Foundation

extension Coordinator {
    /// The coordinator as appointed by coordinator `actor`, or by the platform's operator (nil).
    public func appointed(by actor: CoordinatorID?) -> Coordinator {
        var appointed = self
        appointed.appointedBy = actor
        return appointed
    }
}
