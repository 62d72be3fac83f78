"""Prints a bearer token for a demo user, for outside checkers run against a demo server
(schemathesis in .ci/run): python3 e2e/api_token.py URL DEMO_USERS_FILE USERNAME."""
import json
import sys
import time
import urllib.error
import urllib.request

from test_identity import totp


def token(base_url, users_file, username):
    with open(users_file, encoding="utf-8") as handle:
        user = {entry["username"]: entry for entry in json.load(handle)["users"]}[username]
    for _ in range(4):
        body = json.dumps({"username": username, "password": user["password"], "code": totp(user["totpSecretRaw"])}).encode()
        request = urllib.request.Request(
            base_url.rstrip("/") + "/api/v1/session", data=body, headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request) as response:
                return json.loads(response.read())["token"]
        except urllib.error.HTTPError as error:
            if error.code != 401:
                raise
            # The code of this 30-second step was used already (codes are single-use): wait for the next one.
            time.sleep(30 - time.time() % 30 + 0.5)
    raise SystemExit(f"{username} could not sign in")


if __name__ == "__main__":
    print(token(*sys.argv[1:4]))
