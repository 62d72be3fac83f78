/// Why a benchmark run stopped.
enum BenchmarkError: Error {
    /// A demo user the benchmark signs in as is missing.
    case missingDemoUser(String)
    /// The server answered with another status than expected.
    case unexpectedStatus(String, Int)
    /// The server's answer lacked a field the benchmark needs.
    case unexpectedBody
    /// The server did not answer on loopback.
    case serverDidNotStart
    /// The server closed a connection before answering.
    case connectionClosed
}
