import Foundation

extension Coordinator {
    /// The coordinator as appointed by coordinator (or operator) `actor`.
    public func appointed(by actor: UUID) -> Coordinator {
        var appointed = self
        appointed.appointedBy = actor
        return appointed
    }
}
