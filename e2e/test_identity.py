"""Journeys through sign-in and user administration, as demo users whose credentials seed-demo wrote."""
import hashlib
import hmac
import json
import os
import struct
import time

import pytest
from selenium.webdriver.common.by import By
from waiting import PageWait, expect_heading
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def demo_users():
    path = os.environ.get("OPENIMI_DEMO_USERS")
    if not path or not os.path.exists(path):
        pytest.fail("OPENIMI_DEMO_USERS must name the file written by `openimi seed-demo --output`")
    with open(path, encoding="utf-8") as handle:
        return {user["username"]: user for user in json.load(handle)["users"]}


def totp(secret_raw, at=None, step=30, digits=6):
    """RFC 6238 with SHA-1, as an authenticator app computes it."""
    counter = int((at or time.time()) // step)
    digest = hmac.new(secret_raw.encode(), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % (10 ** digits)
    return str(value).zfill(digits)


_last_step = {}


def fresh_code(secret_raw):
    """A code from a step this secret has not used yet (the server refuses replays), not about to expire."""
    while int(time.time() // 30) <= _last_step.get(secret_raw, -1) or time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.5)
    _last_step[secret_raw] = int(time.time() // 30)
    return totp(secret_raw)


def sign_in(browser, base_url, user, language="en"):
    browser.get(f"{base_url}/sign-in?lang={language}")
    browser.find_element(By.ID, "username").send_keys(user["username"])
    browser.find_element(By.ID, "password").send_keys(user["password"])
    browser.find_element(By.ID, "code").send_keys(fresh_code(user["totpSecretRaw"]))
    browser.find_element(By.ID, "sign-in-submit").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "nav-account")))


def sign_out(browser):
    # Retries while a page that is still loading replaces the button under our feet.
    PageWait(browser).until(
        lambda b: b.find_element(By.ID, "sign-out").click() or True)
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "nav-sign-in")))


def test_wrong_code_is_refused_with_one_message(browser, base_url):
    user = demo_users()["si.reader"]
    browser.get(f"{base_url}/sign-in?lang=sl")
    browser.find_element(By.ID, "username").send_keys(user["username"])
    browser.find_element(By.ID, "password").send_keys(user["password"])
    browser.find_element(By.ID, "code").send_keys("000000")
    browser.find_element(By.ID, "sign-in-submit").click()
    message = browser.find_element(By.ID, "sign-in-error").text
    assert "varnostna koda" in message
    assert not browser.find_elements(By.ID, "nav-account")


def test_administrator_creates_a_user_and_gets_an_activation_link(browser, base_url):
    admin = demo_users()["dk.admin"]
    sign_in(browser, base_url, admin, language="da")
    # After sign-in the user's own language applies (English for demo users); switch it in the profile.
    browser.get(base_url + "/account?lang=en")
    expect_heading(browser, "My account")
    Select(browser.find_element(By.ID, "profile-language")).select_by_value("da")
    browser.find_element(By.ID, "profile-submit").click()
    expect_heading(browser, "Min konto")
    browser.find_element(By.ID, "nav-users").click()
    expect_heading(browser, "Brugere")
    rows = [row.get_attribute("data-username") for row in browser.find_elements(By.CSS_SELECTOR, "#users-table tbody tr")]
    assert "dk.handler" in rows and "dk.admin" in rows
    username = f"e2e.{int(time.time())}"
    browser.find_element(By.ID, "new-username").send_keys(username)
    browser.find_element(By.ID, "new-full-name").send_keys("Ebbe Testesen")
    browser.find_element(By.ID, "new-email").send_keys("ebbe@example.org")
    browser.find_element(By.CSS_SELECTOR, 'input[name="role:reader:patients-rights"]').click()
    browser.find_element(By.ID, "create-user").click()
    link = browser.find_element(By.ID, "activation-link").text
    assert link.startswith("/activate?token=")
    assert username in [row.get_attribute("data-username") for row in browser.find_elements(By.CSS_SELECTOR, "#users-table tbody tr")]
    sign_out(browser)

    # The new user activates: password, then the security code from the shown secret.
    browser.get(base_url + link + "&lang=da")
    browser.find_element(By.ID, "new-password").send_keys("en lang sætning som password")
    browser.find_element(By.ID, "activate-submit").click()
    secret_base32 = browser.find_element(By.ID, "totp-secret").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#recovery-codes li")) == 10
    import base64
    raw = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8)).decode()
    browser.find_element(By.ID, "enrol-code").send_keys(fresh_code(raw))
    browser.find_element(By.ID, "enrol-submit").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "account-username")))
    assert browser.find_element(By.ID, "account-username").text == username
    expect_heading(browser, "Min konto")
    sign_out(browser)
    # Reset the administrator's language for later runs against the same server.
    sign_in(browser, base_url, admin)
    browser.get(base_url + "/account")
    Select(browser.find_element(By.ID, "profile-language")).select_by_value("en")
    browser.find_element(By.ID, "profile-submit").click()
    expect_heading(browser, "My account")
    sign_out(browser)


def test_national_coordinator_sees_late_user_lists(browser, base_url):
    sign_in(browser, base_url, demo_users()["de.nimic"])
    browser.find_element(By.ID, "nav-overdue").click()
    expect_heading(browser, "User lists to confirm")
    sign_out(browser)
