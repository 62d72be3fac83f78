"""Two `openimi serve` instances on one PostgreSQL database serve the same users correctly.

python3 e2e/two_instances.py URL_A URL_B DEMO_USERS_FILE DATABASE_URL OPENIMI_BINARY DATA_DIRECTORY [CYCLES] [CLIENTS]

Started by .ci/run after both instances answer /health. Checks, through the JSON API only:
- a session opened on one instance works on the other;
- an Idempotency-Key used on one instance gives the first result on the other;
- the same step sent to both instances with the same version succeeds once (refused on the other);
- draft-to-closed cycles from concurrent clients, each call on either instance, all succeed;
- afterwards `openimi verify-log` passes on the shared database (the log's chain never forked),
  checkpoints were signed in the order of their sizes, and every scheduled job ran once per period.
Exits non-zero naming the first thing that did not hold."""
import json
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

from api_token import token


def call(base, method, path, bearer, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        base + path, data=data, method=method,
        headers={"Authorization": f"Bearer {bearer}", "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"{}")


def require(condition, message):
    if not condition:
        raise SystemExit(f"two instances: {message}")


def thirty_days_ahead():
    return (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")


def draft(base, bearer, responder, key=None, deadline=None):
    # A repeat under one Idempotency-Key must send the same body: the deadline is fixed by the
    # caller, or two calls a second apart would differ and the repeat is rightly refused (422).
    deadline = deadline or thirty_days_ahead()
    body = {
        "procedure": "pq-information-request", "responderId": responder,
        "subject": {"kind": "person", "givenNames": "Scale", "familyNames": "Check", "nationalities": ["DK"]},
        "questions": ["legally-established"], "deadline": deadline}
    return call(base, "POST", "/api/v1/requests", bearer, body, {"Idempotency-Key": key} if key else None)


def cycle(instances, dk, si, responder):
    status, _, created = draft(random.choice(instances), dk, responder)
    require(status == 201, f"draft: {status} {created}")
    request, version = created["id"], created["version"]
    for bearer, method, path, body in [
        (dk, "POST", "/steps", {"action": "send"}),
        (si, "POST", "/steps", {"action": "accept"}),
        (si, "PUT", "/answers/legally-established", {"value": "yes"}),
        (si, "POST", "/steps", {"action": "answer"}),
        (dk, "POST", "/steps", {"action": "close"}),
    ]:
        status, _, answer = call(
            random.choice(instances), method, f"/api/v1/requests/{request}{path}", bearer, {**body, "version": version})
        require(status == 200, f"{path} {body}: {status} {answer}")
        version = answer["version"]


def psql(database_url, query):
    return subprocess.run(["psql", database_url, "-AtF", "\t", "-c", query], check=True, capture_output=True, text=True).stdout


def main(a, b, users_file, database_url, binary, data_directory, cycles=40, clients=8):
    instances = [a, b]
    dk = token(a, users_file, "dk.handler")
    si = token(b, users_file, "si.handler")
    with open(users_file, encoding="utf-8") as handle:
        users = {entry["username"]: entry for entry in json.load(handle)["users"]}
    responder = users["si.handler"]["organisationId"]

    # A session opened on A works on B, and the other way round.
    require(call(b, "GET", "/api/v1/requests", dk)[0] == 200, "a token from A is refused by B")
    require(call(a, "GET", "/api/v1/requests", si)[0] == 200, "a token from B is refused by A")

    # An idempotency key used on A answers with the first result on B.
    key = f"two-instances-{random.getrandbits(48)}"
    deadline = thirty_days_ahead()
    first = draft(a, dk, responder, key, deadline)
    repeat = draft(b, dk, responder, key, deadline)
    require(first[0] == 201 and repeat[0] == 201, f"idempotent draft: {first[0]} then {repeat[0]} {repeat[2]}")
    require(repeat[2].get("id") == first[2].get("id"), "the repeat on B created a second request")
    require(repeat[1].get("Idempotent-Replayed") == "true", "the repeat on B was not answered as a replay")

    # The same step with the same version on both instances at once: one wins, the other is told.
    request, version = first[2]["id"], first[2]["version"]
    outcomes = []
    racers = [threading.Thread(target=lambda base=base: outcomes.append(
        call(base, "POST", f"/api/v1/requests/{request}/steps", dk, {"action": "send", "version": version})[0]))
        for base in instances]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    # The loser is refused either way: 409 when it met the changed version, 403 when it already
    # read the request as sent (sending it again is not a step its state allows).
    require(sorted(outcomes) in ([200, 403], [200, 409]), f"the same version sent to both instances answered {outcomes}")

    # Concurrent cycles, each call on either instance.
    failures = []
    started = time.monotonic()

    def client(count):
        try:
            for _ in range(count):
                cycle(instances, dk, si, responder)
        except (SystemExit, Exception) as error:  # noqa: BLE001 - every failure is reported below
            failures.append(str(error))

    workers = [threading.Thread(target=client, args=(cycles // clients,)) for _ in range(clients)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    require(not failures, f"{len(failures)} clients failed, first: {failures[:1]}")
    done = (cycles // clients) * clients
    print(f"two instances: {done} draft-to-closed cycles from {clients} clients in {elapsed:.1f} s ({done / elapsed:.1f}/s)")

    # The scheduled jobs have run (the first round comes a minute after start; only the instance
    # that wins a job's lease for the period runs it and records the run).
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and int(psql(database_url, "SELECT COUNT(*) FROM job_run") or 0) < 1:
        time.sleep(2)
    runs = [line.split("\t") for line in psql(database_url, "SELECT job, owner, started_at FROM job_run ORDER BY job, started_at").splitlines()]
    require(runs, "no scheduled job ran")
    periods = {}
    for job, owner, started_at in runs:
        require((job, started_at) not in periods, f"job {job} ran twice for the moment {started_at} ({owner}, {periods.get((job, started_at))})")
        periods[(job, started_at)] = owner
    intervals = {"suspend-dormant-accounts": 3600, "retention": 6 * 3600}
    for job, interval in intervals.items():
        starts = [int(started_at) for name, _, started_at in runs if name == job]
        require(all(later - earlier >= interval for earlier, later in zip(starts, starts[1:])), f"job {job} ran more than once in a period: {starts}")

    # Checkpoints were signed one at a time, in the order of their sizes, and the whole log verifies.
    disordered = psql(database_url, """
        SELECT COUNT(*) FROM (SELECT at, LAG(at) OVER (ORDER BY tree_size) AS earlier FROM log_checkpoint) AS signed
        WHERE at < earlier""")
    require(int(disordered) == 0, f"{disordered.strip()} checkpoints were signed before a smaller one")
    verified = subprocess.run(
        [binary, "verify-log", "--database-url", database_url, "--data-directory", data_directory], capture_output=True, text=True)
    require(verified.returncode == 0, f"verify-log failed: {verified.stdout} {verified.stderr}")
    print(f"two instances: {verified.stdout.strip()}; jobs ran {len(runs)} times, once per period")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(*arguments[:6], *[int(value) for value in arguments[6:8]])
