"""The signed evidence of an exchange, checked with tools OpenIMI did not write: jwcrypto verifies
the JWS and its payload is RFC 8785 canonical JSON; pdfsig validates the PDF report's signature
and pdftotext reads it in Danish. The file is kept for `openimi verify-report`
(run by .ci/run once the server has stopped)."""
import base64
import json
import os
import subprocess
import tempfile
import urllib.error
import urllib.request

import pytest
from cryptography import x509
from jwcrypto import jwk, jws
from jwcrypto.common import JWException

from test_identity import demo_users, fresh_code


def api(base_url, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(base_url + path, data=data, headers=headers, method=method)) as response:
        return response.headers.get("Content-Type"), response.read()


_tokens = {}


def reader_token(base_url):
    """One API session of the Danish reader for this module (a second sign-in would wait for a new code)."""
    if base_url not in _tokens:
        user = demo_users()["dk.reader"]
        _, body = api(base_url, "POST", "/api/v1/session", body={
            "username": user["username"], "password": user["password"], "code": fresh_code(user["totpSecretRaw"])})
        _tokens[base_url] = json.loads(body)["token"]
    return _tokens[base_url]


def readable_request(base_url, token):
    """A demo request of the Danish authority whose personal data are in use (the one closed two
    years ago is blocked once the retention job has run, a minute after the server started)."""
    _, body = api(base_url, "GET", "/api/v1/requests?state=sent,accepted,answered,closed", token)
    requests = json.loads(body)["requests"]
    assert requests, "the demo data hold requests of the Danish authority"
    for request in requests:
        try:
            api(base_url, "GET", f"/api/v1/requests/{request['id']}", token)
            return request["id"]
        except urllib.error.HTTPError as error:
            assert error.code == 410, error.code
    raise AssertionError("every demo request is blocked")


def test_evidence_verifies_with_jwcrypto_and_breaks_when_changed(base_url):
    token = reader_token(base_url)
    request_id = readable_request(base_url, token)

    content_type, body = api(base_url, "GET", f"/api/v1/requests/{request_id}/evidence", token)
    assert content_type == "application/jose"
    token_text = body.decode()

    header = json.loads(base64.urlsafe_b64decode(token_text.split(".")[0] + "=="))
    assert header["alg"] == "ES256"
    certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
    key = jwk.JWK.from_pyca(certificate.public_key())
    signed = jws.JWS()
    signed.deserialize(token_text)
    signed.verify(key, alg="ES256")
    payload = signed.payload
    document = json.loads(payload)
    # RFC 8785: sorted members, no whitespace, UTF-8 as is (the document holds integers only as numbers).
    assert json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() == payload
    assert document["request"]["id"] == request_id
    assert document["log"]["entries"] and len(document["log"]["proofs"]) == len(document["log"]["entries"])

    parts = token_text.split(".")
    forged_payload = payload.replace(b'"version":1', b'"version":2')
    assert forged_payload != payload
    forged = ".".join([parts[0], base64.urlsafe_b64encode(forged_payload).decode().rstrip("="), parts[2]])
    tampered = jws.JWS()
    tampered.deserialize(forged)
    with pytest.raises(JWException):
        tampered.verify(key, alg="ES256")

    folder = os.environ.get("OPENIMI_EVIDENCE_DIR")
    if folder:
        with open(os.path.join(folder, "evidence.jws"), "w", encoding="utf-8") as handle:
            handle.write(token_text)
        with open(os.path.join(folder, "evidence-forged.jws"), "w", encoding="utf-8") as handle:
            handle.write(forged)


def test_report_is_a_signed_pdf_in_the_readers_language(base_url):

    token = reader_token(base_url)
    request_id = readable_request(base_url, token)
    request = urllib.request.Request(
        f"{base_url}/api/v1/requests/{request_id}/report",
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "da"})
    with urllib.request.urlopen(request) as response:
        assert response.headers.get("Content-Type") == "application/pdf"
        pdf = response.read()
    assert pdf.startswith(b"%PDF-1.7")
    folder = os.environ.get("OPENIMI_EVIDENCE_DIR") or tempfile.mkdtemp()
    path = os.path.join(folder, "report.pdf")
    with open(path, "wb") as handle:
        handle.write(pdf)
    signature = subprocess.run(["pdfsig", path], capture_output=True, text=True).stdout
    assert "Signature is Valid." in signature, signature
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    assert "Rapport om informationsudvekslingen" in text
