"""The checkpoint in an exchange's evidence, checked with code OpenIMI did not write: the C2SP
signed-note checkpoint's log signature and every witness's cosignature/v1 verified with the
`cryptography` package's Ed25519 (key ids computed as c2sp.org/signed-note says). A copy whose
cosignature was altered, then signed again with the platform's own key (as an operator holding
it could), is kept for `openimi verify-report`, which must refuse it (run by .ci/run)."""
import base64
import hashlib
import json
import os
import struct

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jwcrypto import jwk, jws

from test_evidence import api, reader_token, readable_request


def verifier(vkey):
    """(name, key id, type, public key) of a note verifier key `<name>+<hex id>+<base64(type ‖ key)>`."""
    name, key_id, blob = vkey.split("+", 2)
    raw = base64.b64decode(blob)
    assert hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() == key_id, "the key id is SHA-256(name, newline, type, key)"
    return name, bytes.fromhex(key_id), raw[0], Ed25519PublicKey.from_public_bytes(raw[1:])


def signature_lines(note):
    text, _, signatures = note.rpartition("\n\n")
    lines = []
    for line in signatures.splitlines():
        dash, name, blob = line.split(" ")
        assert dash == "\u2014"
        raw = base64.b64decode(blob)
        lines.append((name, raw[:4], raw[4:]))
    return text + "\n", lines


def witness_keys():
    keys = os.environ.get("OPENIMI_WITNESS_KEYS", "").split()
    if not keys:
        pytest.skip("the server under test has no witnesses (OPENIMI_WITNESS_KEYS)")
    return keys


def test_the_evidence_checkpoint_is_a_signed_note_cosigned_by_both_witnesses(base_url):
    keys = witness_keys()
    token = reader_token(base_url)
    request_id = readable_request(base_url, token)
    _, body = api(base_url, "GET", f"/api/v1/requests/{request_id}/evidence", token)
    token_text = body.decode()
    payload = json.loads(base64.urlsafe_b64decode(token_text.split(".")[1] + "=="))
    checkpoint = payload["log"]["checkpoint"]
    text, lines = signature_lines(checkpoint["note"])
    origin, size, root = text.splitlines()
    assert int(size) == checkpoint["treeSize"] and base64.b64decode(root).hex() == checkpoint["rootHash"]

    # The log's own signature: Ed25519 (type 0x01) over the note text.
    name, key_id, kind, public = verifier(checkpoint["logKey"])
    assert name == origin and kind == 0x01
    own = [signature for (line_name, line_id, signature) in lines if line_name == name and line_id == key_id]
    assert len(own) == 1
    public.verify(own[0], text.encode())

    # Each witness's cosignature/v1 (type 0x04): an 8-byte big-endian time, then Ed25519 over
    # "cosignature/v1", "time <t>" and the note text.
    cosigned = []
    for vkey in keys:
        name, key_id, kind, public = verifier(vkey)
        assert kind == 0x04
        for line_name, line_id, signature in lines:
            if (line_name, line_id) != (name, key_id):
                continue
            (timestamp,) = struct.unpack(">Q", signature[:8])
            public.verify(signature[8:], f"cosignature/v1\ntime {timestamp}\n".encode() + text.encode())
            with pytest.raises(InvalidSignature):
                public.verify(signature[8:], f"cosignature/v1\ntime {timestamp + 1}\n".encode() + text.encode())
            cosigned.append(name)
    assert len(cosigned) == len(keys), f"cosigned by {cosigned} of {len(keys)}"
    assert sorted(checkpoint["witnesses"]["cosigned"]) == sorted(cosigned)

    folder = os.environ.get("OPENIMI_EVIDENCE_DIR")
    key_file = os.environ.get("OPENIMI_PLATFORM_KEY")
    if folder and key_file:
        # One bit of the last cosignature flipped, the whole evidence signed again with the platform key.
        line = checkpoint["note"].rstrip("\n").splitlines()[-1]
        dash, name, blob = line.split(" ")
        raw = bytearray(base64.b64decode(blob))
        raw[20] ^= 1
        payload["log"]["checkpoint"]["note"] = checkpoint["note"].replace(blob, base64.b64encode(bytes(raw)).decode())
        forged = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        header = json.loads(base64.urlsafe_b64decode(token_text.split(".")[0] + "=="))
        with open(key_file, "rb") as handle:
            key = jwk.JWK.from_pem(handle.read())
        signed = jws.JWS(forged)
        signed.add_signature(key, None, protected=json.dumps(header, separators=(",", ":")))
        with open(os.path.join(folder, "evidence-cosignature-altered.jws"), "w", encoding="utf-8") as handle:
            handle.write(signed.serialize(compact=True))
        with open(os.path.join(folder, "evidence-witnessed.jws"), "w", encoding="utf-8") as handle:
            handle.write(token_text)


def test_operators_see_both_witnesses_and_no_alarm(browser, base_url):
    from selenium.webdriver.common.by import By

    from test_identity import demo_users, sign_in, sign_out

    witness_keys()
    sign_in(browser, base_url, demo_users()["operator"])
    browser.find_element(By.ID, "nav-access-log").click()
    table = browser.find_element(By.ID, "witnesses").text
    assert "dk.witness.example/openimi" in table and "si.witness.example/openimi" in table
    assert browser.find_elements(By.ID, "log-consistent") and browser.find_elements(By.ID, "no-alarms")
    assert browser.find_element(By.ID, "log-key").text.count("+") >= 2
    sign_out(browser)
