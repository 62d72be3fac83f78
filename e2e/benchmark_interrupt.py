"""An interrupted benchmark stops the servers it started and removes its throw-away data.

python3 e2e/benchmark_interrupt.py OPENIMI_BINARY PORT [DATABASE_URL]

Starts `openimi benchmark cycles` with more cycles than it can run here (one server process on
PORT; on PostgreSQL when DATABASE_URL is given, two), sends it SIGINT as a terminal's Ctrl-C would
once the cycles run, and checks that it ends with status 130, that none of its server processes
outlived it, that nothing answers on their ports, and that its data directory (keys, SQLite file) is gone.
Whether the throw-away PostgreSQL schema is gone is checked by the caller with psql.
Exits non-zero naming the first thing that did not hold."""
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request


def answers(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
            return True
    except OSError:
        return False


def children(pid):
    """Process ids whose parent is `pid`."""
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as file:
                fields = file.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.split("/")[2]))
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as file:
            return file.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


started = []  # the benchmark's server processes and data directory, removed here should the check fail
made = set()


def fail(message, output=b""):
    for pid in started:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    for path in made:
        shutil.rmtree(path, ignore_errors=True)
    sys.stdout.write(output.decode(errors="replace"))
    print(f"benchmark interruption: {message}")
    sys.exit(1)


def main():
    binary, port = sys.argv[1], int(sys.argv[2])
    database = sys.argv[3:4]
    instances = 2 if database else 1
    arguments = [binary, "benchmark", "cycles", "--instances", str(instances), "--clients", "2",
                 "--cycles", "10000000", "--port", str(port)]
    if database:
        arguments += ["--database-url", database[0]]
    pattern = os.path.join(tempfile.gettempdir(), "bench_*-data")
    before = set(glob.glob(pattern))
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180
    while not all(answers(port + index) for index in range(instances)):
        if process.poll() is not None:
            fail(f"the benchmark ended before its servers answered (status {process.returncode})", process.stdout.read())
        if time.monotonic() > deadline:
            process.kill()
            fail("its servers did not answer within 180 s", process.stdout.read())
        time.sleep(0.5)
    servers = children(process.pid)
    started.extend(servers)
    if len(servers) != instances:
        process.kill()
        fail(f"expected {instances} server process(es), found {servers}")
    made.update(set(glob.glob(pattern)) - before)
    if len(made) != 1:
        process.kill()
        fail(f"expected one new data directory, found {sorted(made)}")
    time.sleep(3)  # cycles under way
    process.send_signal(signal.SIGINT)
    try:
        output, _ = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        fail("the benchmark did not end within 120 s of SIGINT", process.stdout.read())
    if process.returncode != 130:
        fail(f"ended with status {process.returncode}, not 130", output)
    # The benchmark waits for its servers before it removes their data: none may outlive it.
    left = [pid for pid in servers if alive(pid)]
    if left:
        fail(f"server processes {left} outlived the benchmark", output)
    if any(answers(port + index) for index in range(instances)):
        fail("something still answers on the servers' ports", output)
    if any(os.path.exists(path) for path in made):
        fail(f"the data directory {sorted(made)} was left behind", output)
    print(f"benchmark interruption: status 130, {instances} server process(es) ended, data directory removed")


main()
