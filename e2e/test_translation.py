"""Free text across a language barrier: the Slovenian handler reads a Danish request's free text,
asks for a machine translation, and sees it under the original, marked as machine-translated with
the engine's name. The stand-in translation service (OPENIMI_TRANSLATION_STANDIN, started by
.ci/run) shows that only the text and its languages were sent."""
import json
import os
import time
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from api_token import token
from test_identity import demo_users, sign_in, sign_out
from waiting import PageWait

# Unique per run, so that the stand-in's record of what it received names this run's sending only.
TEXT = f"Ansøgning om autorisation som sygeplejerske; arbejdet i Odense siden 2019 (sag {uuid.uuid4().hex[:6]})"


def api(base_url, bearer, method, path, body=None):
    request = urllib.request.Request(
        base_url + path, data=json.dumps(body).encode() if body is not None else None, method=method,
        headers={"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def test_danish_free_text_translated_for_a_slovenian_reader(browser, base_url):
    standin = os.environ.get("OPENIMI_TRANSLATION_STANDIN")
    assert standin, "OPENIMI_TRANSLATION_STANDIN names the stand-in translation service the server was started with"
    users = demo_users()
    dk = token(base_url, os.environ["OPENIMI_DEMO_USERS"], "dk.handler")
    deadline = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 20 * 86400))
    created = api(base_url, dk, "POST", "/api/v1/requests", {
        "procedure": "pq-information-request", "responderId": users["si.handler"]["organisationId"],
        "subject": {"kind": "person", "givenNames": "Sofie", "familyNames": "Lund", "nationalities": ["DK"]},
        "questions": ["legally-established"], "freeText": {"text": TEXT, "language": "da"}, "deadline": deadline})
    api(base_url, dk, "POST", f"/api/v1/requests/{created['id']}/steps", {"action": "send", "version": created["version"]})

    sign_in(browser, base_url, users["si.handler"], language="sl")
    browser.get(f"{base_url}/requests/{created['id']}?lang=sl")
    original = browser.find_element(By.ID, "free-text")
    assert original.get_attribute("lang") == "da" and original.text == TEXT
    assert "danščina" in browser.find_element(By.CSS_SELECTOR, ".text-meta").text
    browser.find_element(By.ID, "translate-free-text").click()
    translated = PageWait(browser).until(lambda b: b.find_element(By.ID, "translation-free-text"))
    assert translated.get_attribute("lang") == "sl"
    assert f"[sl] {TEXT}" in translated.text and "LibreTranslate" in translated.text
    assert browser.find_element(By.ID, "free-text").text == TEXT, "the original stays as it was"
    assert not browser.find_elements(By.ID, "translate-free-text"), "a kept translation is not asked for again"

    with urllib.request.urlopen(standin.rstrip("/") + "/received") as response:
        sent = [entry for entry in json.load(response) if entry.get("q") == TEXT]
    assert len(sent) == 1 and set(sent[0]) <= {"q", "source", "target", "format", "api_key"}
    assert (sent[0]["source"], sent[0]["target"]) == ("da", "sl")
    sign_out(browser)
