import Foundation

/// Processor time (user and system) spent by processes, read from `/proc` on Linux: how a
/// benchmark tells what the server, the database and the load generator each cost.
enum ProcessorTime {
    /// Seconds of processor time process `pid` has used so far; nil when it is gone or `/proc` is absent.
    static func seconds(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The processes whose command name is `name`: PostgreSQL's server processes, say.
    static func processes(named name: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = Int32(entry),
                let command = try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8),
                command.trimmingCharacters(in: .whitespacesAndNewlines) == name
            else { return nil }
            return pid
        }
    }

    /// Processor seconds of `pids` together (processes that ended count as nothing).
    static func seconds(of pids: [Int32]) -> Double {
        pids.reduce(0) { $0 + (seconds(of: $1) ?? 0) }
    }

    /// Processor seconds so far of every PostgreSQL process of the machine, by process id: the
    /// database's part, read before and after a run (connections start new processes).
    static func postgresSeconds() -> [Int32: Double] {
        Dictionary(
            processes(named: "postgres").compactMap { pid in seconds(of: pid).map { (pid, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Processor seconds processes spent between two readings of ``postgresSeconds()``: one that
    /// started in between counts from zero, one that ended is left out.
    static func spent(from before: [Int32: Double], to after: [Int32: Double]) -> Double {
        after.reduce(0) { $0 + $1.value - (before[$1.key] ?? 0) }
    }
}
