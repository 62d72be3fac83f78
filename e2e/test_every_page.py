"""A tour of the pages the journeys do not pass, for each kind of user, in Danish and Slovenian:
every page loads, fits 1280 and 390 px without horizontal scrolling and shows names, never raw
codes (the checks of conftest.py run on each page)."""
import json
import os

from selenium.webdriver.common.by import By
from test_identity import demo_users, sign_in, sign_out


def demo_requests():
    with open(os.environ["OPENIMI_DEMO_USERS"], encoding="utf-8") as handle:
        return json.load(handle)["requests"]


def visit(browser, base_url, path):
    browser.get(base_url + path)
    assert browser.find_element(By.TAG_NAME, "h1").text, path


def test_a_handlers_pages_in_danish(browser, base_url):
    handler = demo_users()["dk.handler"]
    own = next(r for r in demo_requests() if r["requesterId"] == handler["organisationId"] and r["state"] != "draft")
    sign_in(browser, base_url, handler, language="da")
    for path in ["/requests?lang=da&sort=updated", f"/requests/{own['id']}", f"/requests/{own['id']}/consents",
                 f"/requests/{own['id']}/information-notice", "/subjects", "/corrections", "/questions", "/account",
                 "/requests/new", "/requests/new?procedure=pq-information-request&state=SI"]:
        visit(browser, base_url, path)
    # A person search, with its results.
    browser.get(base_url + "/subjects")
    browser.find_element(By.ID, "identifier").send_keys(own["subjectIdentifiers"][0])
    browser.find_element(By.ID, "issuer").send_keys("DK")
    browser.find_element(By.ID, "search-subjects").click()
    assert browser.find_element(By.CSS_SELECTOR, "#subject-results .number").text.startswith("DK-")
    sign_out(browser)


def test_an_administrators_and_an_allocators_pages_in_slovenian(browser, base_url):
    users = demo_users()
    admin = users["si.admin"]
    sign_in(browser, base_url, admin, language="sl")
    for path in ["/?lang=sl", "/users", "/rights-requests", "/supervision", "/account", "/questions"]:
        visit(browser, base_url, path)
    sign_out(browser)
    allocator = users["si.allocator"]
    received = next(r for r in demo_requests() if r["responderId"] == allocator["organisationId"] and r["state"] == "sent")
    sign_in(browser, base_url, allocator, language="sl")
    for path in ["/?lang=sl", "/requests?waiting=us", f"/requests/{received['id']}", f"/indicators?authority={allocator['organisationId']}"]:
        visit(browser, base_url, path)
    assert browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    sign_out(browser)


def test_a_national_coordinators_pages_in_danish(browser, base_url):
    coordinator = demo_users()["dk.nimic"]
    sign_in(browser, base_url, coordinator, language="da")
    for path in ["/?lang=da", "/user-lists/overdue", "/rights-requests/overdue", "/questions", "/requests", "/coordinators",
                 "/legal-areas", "/directory", "/privacy"]:
        visit(browser, base_url, path)
    sign_out(browser)
