import Metrics
import Prometheus

/// The process's Prometheus registry, which swift-metrics reports to from the first use on: every
/// counter, gauge and timer of the platform and of Hummingbird's `MetricsMiddleware` lands here.
enum MetricsRegistry {
    /// The registry; bootstraps the metrics system the first time it is read (once per process).
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Request durations from a millisecond to ten seconds.
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()
}
