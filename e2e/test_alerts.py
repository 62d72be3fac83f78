"""Alerts in the browser: a Danish authority sends a professional-qualifications alert, the
Slovenian national coordinator routes it without seeing its content, a Slovenian alert handler
reads and acknowledges it, the Danish authority closes it and the retention run deletes its
personal data three days later; a Services Directive alert goes to a chosen state and is withdrawn
as unfounded."""
import datetime
import os
import re
import subprocess
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_identity import demo_users, sign_in, sign_out
from waiting import PageWait, expect_heading

NUMBER = re.compile(r"^A-[A-Z]{2}-\d{4}-\d{6}$")


def fill(browser, values):
    for name, value in values.items():
        element = browser.find_element(By.ID, f"values.{name}")
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        elif element.get_attribute("type") == "date":
            # A date input takes keystrokes in the browser's locale; set the ISO value directly.
            browser.execute_script("arguments[0].value = arguments[1]", element, value)
        else:
            element.send_keys(value)


def step(browser, form, confirm=None):
    if confirm:
        browser.find_element(By.CSS_SELECTOR, f"#{form} ").find_element(By.XPATH, "./ancestor::details").find_element(
            By.TAG_NAME, "summary").click()
        browser.find_element(By.ID, confirm).click()
    browser.find_element(By.CSS_SELECTOR, f"#{form} button[type=submit]").click()
    return PageWait(browser).until(lambda b: b.find_element(By.ID, "done"))


def run_retention(days_ahead):
    """The retention job as the server runs it, on the same database, as of a later day."""
    binary, work = os.environ.get("OPENIMI_BINARY"), os.environ.get("OPENIMI_WORKDIR")
    assert binary and work, "OPENIMI_BINARY and OPENIMI_WORKDIR name the server's program and directory"
    day = (datetime.date.today() + datetime.timedelta(days=days_ahead)).isoformat()
    out = subprocess.run([binary, "retention", "run", "--as-of", day], cwd=work, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_qualifications_alert_is_sent_routed_read_closed_and_deleted(browser, base_url):
    users = demo_users()
    decided = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    sign_in(browser, base_url, users["dk.alerts"], language="da")
    browser.get(f"{base_url}/alerts?lang=da")
    browser.find_element(By.CSS_SELECTOR, "a[data-new-alert]").click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "new-alert"))
    fill(browser, {
        "family-names": "Rasmussen", "given-names": "Camilla", "profession": "Sygeplejerske", "ground": "prohibited",
        "deciding-body": "Styrelsen for Patientsikkerhed", "decision-date": decided, "scope": "Må ikke udøve sygepleje",
        "period-start": decided, "professional-informed": "yes",
    })
    Select(browser.find_element(By.ID, "language")).select_by_value("da")
    browser.find_element(By.ID, "save-alert").click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "alert-number"))
    number = browser.find_element(By.ID, "alert-number").text
    assert NUMBER.match(number), number
    assert browser.find_element(By.ID, "due-by"), "a draft says by when it must be sent"
    alert_url = browser.current_url.split("?")[0]
    Select(browser.find_element(By.ID, "noticeLanguage")).select_by_value("da")
    step(browser, "send-form")
    assert browser.find_elements(By.CSS_SELECTOR, 'tr[data-delivery="SI"]')
    # Sending produced the professional's information notice in their language.
    browser.find_element(By.ID, "information-notice").click()
    PageWait(browser).until(lambda b: "Rasmussen" not in b.page_source and b.find_element(By.TAG_NAME, "h1"))
    assert "IMI" in browser.find_element(By.TAG_NAME, "h1").text
    sign_out(browser)

    # The Slovenian coordinator routes it to the Medical Chamber, never seeing the content.
    sign_in(browser, base_url, users["si.nimic"], language="sl")
    browser.get(f"{base_url}/alerts?lang=sl")
    browser.find_element(By.CSS_SELECTOR, f'#alerts-toRoute tr[data-number="{number}"] a').click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "existence-only"))
    assert "Rasmussen" not in browser.page_source
    chamber = users["si.alerts"]["organisationId"]
    browser.find_element(By.ID, f"authority.{chamber}").click()
    step(browser, "route-form")
    sign_out(browser)

    # A Slovenian alert handler of the chamber reads it and acknowledges receipt.
    sign_in(browser, base_url, users["si.alerts"], language="sl")
    browser.get(f"{base_url}/alerts?lang=sl")
    browser.find_element(By.CSS_SELECTOR, f'#alerts-received tr[data-number="{number}"] a').click()
    content = PageWait(browser).until(lambda b: b.find_element(By.ID, "alert-content"))
    assert "Rasmussen" in content.text and content.get_attribute("lang") == "da"
    step(browser, "acknowledge-form")
    sign_out(browser)

    # The Danish authority closes it; three days later the retention run deletes its personal data.
    sign_in(browser, base_url, users["dk.alerts"], language="da")
    browser.get(alert_url)
    assert "✓" in browser.find_element(By.CSS_SELECTOR, 'tr[data-delivery="SI"]').text, "the acknowledgement shows"
    step(browser, "close-form", confirm="confirm-close")
    assert "state-closed" in browser.find_element(By.ID, "alert-state").get_attribute("class")
    assert "alerts deleted" in run_retention(days_ahead=4)
    browser.get(f"{base_url}/alerts?lang=da")
    row = browser.find_element(By.CSS_SELECTOR, f'#alerts-sent tr[data-number="{number}"]')
    assert row.find_element(By.CSS_SELECTOR, ".marker"), "the list says its personal data were deleted"
    browser.get(alert_url)
    assert "Rasmussen" not in browser.page_source
    sign_out(browser)


def test_a_services_alert_goes_to_a_chosen_state_and_is_withdrawn_as_unfounded(browser, base_url):
    users = demo_users()
    sign_in(browser, base_url, users["dk.services"], language="en")
    browser.get(f"{base_url}/alerts/new?procedure=services-alert&lang=en")
    fill(browser, {
        "provider-name": "Havblik Tagdækning ApS", "establishment-state": "Denmark", "activity": "Roofing",
        "risk": "Loose roof elements on public buildings",
    })
    browser.find_element(By.ID, "save-alert").click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "send-form"))
    # Sending with no state chosen is refused, naming the field.
    browser.find_element(By.ID, "send-alert").click()
    summary = PageWait(browser).until(lambda b: b.find_element(By.ID, "error-summary"))
    assert summary.find_element(By.CSS_SELECTOR, 'a[href="#recipients"]')
    browser.find_element(By.ID, "recipient.SI").click()
    step(browser, "send-form")
    assert [row.get_attribute("data-delivery") for row in browser.find_elements(By.CSS_SELECTOR, "tr[data-delivery]")] == ["SI"]
    step(browser, "withdraw-form", confirm="confirm-withdraw")
    assert "state-withdrawn" in browser.find_element(By.ID, "alert-state").get_attribute("class")
    sign_out(browser)
