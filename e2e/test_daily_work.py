"""Daily work in the browser, in Danish and Slovenian: the home page of what needs the user, request
numbers and the inbox search, forms that keep what was typed, a draft changed through its form,
a not-found page that keeps the user signed in, and the request page on paper."""
import re
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_identity import demo_users, sign_in, sign_out
from waiting import PageWait, expect_heading

NUMBER = re.compile(r"^[A-Z]{2}-\d{4}-\d{6}$")


def test_home_page_and_finding_a_request_by_its_number(browser, base_url):
    reader = demo_users()["dk.reader"]
    # A language chosen before signing in stays: the home page comes in Danish.
    browser.get(f"{base_url}/?lang=da")
    sign_in(browser, base_url, reader, language="da")
    expect_heading(browser, "Dit arbejde")
    assert browser.find_element(By.ID, "needs-action").find_elements(By.CSS_SELECTOR, "li .count")
    browser.find_element(By.CSS_SELECTOR, "#work-waiting a").click()
    expect_heading(browser, "Anmodninger")
    rows = browser.find_elements(By.CSS_SELECTOR, "#inbox-table tbody tr")
    assert rows and all(row.get_attribute("data-waiting") in ("them", "coordinator") for row in rows)

    browser.get(f"{base_url}/requests?lang=sl")
    first = browser.find_element(By.CSS_SELECTOR, "#inbox-table tbody tr")
    number = first.get_attribute("data-number")
    assert NUMBER.match(number), number
    directions = {cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#inbox-table .direction")}
    assert directions <= {"Poslali smo", "Prejeli smo", "Predloženo nam"}, directions
    browser.find_element(By.CSS_SELECTOR, "details.search summary").click()
    browser.find_element(By.ID, "search-number").send_keys(number.lower())
    browser.find_element(By.ID, "search-submit").click()
    PageWait(browser).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#inbox-table tbody tr")) == 1)
    assert browser.find_element(By.CSS_SELECTOR, "#inbox-table tbody tr").get_attribute("data-number") == number

    # A number that is not one: the same page, what was typed kept, the field named.
    field = browser.find_element(By.ID, "search-number")
    field.clear()
    field.send_keys("DK-dvajset")
    browser.find_element(By.ID, "search-submit").click()
    summary = PageWait(browser).until(lambda b: b.find_element(By.ID, "error-summary"))
    assert summary.find_element(By.CSS_SELECTOR, 'a[href="#search-number"]')
    assert browser.find_element(By.ID, "search-number").get_attribute("value") == "DK-dvajset"
    assert browser.find_element(By.ID, "nav-account")
    sign_out(browser)


def test_a_refused_draft_keeps_what_was_typed_and_the_draft_can_be_changed(browser, base_url):
    users = demo_users()
    handler, responder = users["de.handler"], users["si.handler"]
    sign_in(browser, base_url, handler, language="da")
    browser.get(f"{base_url}/requests/new?procedure=pq-information-request&state=SI&lang=da")
    expect_heading(browser, "Ny anmodning")
    Select(browser.find_element(By.ID, "responder")).select_by_value(responder["organisationId"])
    browser.find_element(By.NAME, "givenNames").send_keys("Jonas")
    browser.find_element(By.NAME, "identifier").send_keys("DE-770311")
    Select(browser.find_element(By.NAME, "identifierKind")).select_by_value("passport")
    browser.find_element(By.NAME, "question:legally-established").click()
    browser.find_element(By.ID, "save-draft").click()
    summary = PageWait(browser).until(lambda b: b.find_element(By.ID, "error-summary"))
    assert summary.find_element(By.CSS_SELECTOR, 'a[href="#familyNames"]')
    assert browser.find_element(By.ID, "familyNames-error").is_displayed()
    assert browser.find_element(By.NAME, "givenNames").get_attribute("value") == "Jonas"
    assert browser.find_element(By.NAME, "question:legally-established").is_selected()
    assert Select(browser.find_element(By.NAME, "identifierKind")).first_selected_option.get_attribute("value") == "passport"

    browser.find_element(By.NAME, "familyNames").send_keys("Weber")
    browser.find_element(By.ID, "save-draft").click()
    done = PageWait(browser).until(lambda b: b.find_element(By.ID, "done"))
    assert "Kladden er gemt" in done.text
    number = browser.find_element(By.ID, "request-number").text
    assert NUMBER.match(number) and number.startswith("DE-"), number
    assert number in browser.title
    assert "pasnummer" in browser.find_element(By.ID, "subject").text, "identifier kinds by their name"

    browser.find_element(By.ID, "edit-draft").click()
    expect_heading(browser, "Ret kladden")
    given = browser.find_element(By.NAME, "givenNames")
    given.clear()
    given.send_keys("Jonas Emil")
    browser.find_element(By.ID, "save-draft").click()
    PageWait(browser).until(lambda b: "Kladden er rettet" in b.find_element(By.ID, "done").text)
    assert "Jonas Emil" in browser.find_element(By.ID, "subject").text
    assert browser.find_element(By.ID, "request-number").text == number, "the number stays"

    # The page on paper: no navigation, no forms, the number and the history kept.
    driver = browser.wrapped_driver
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "nav.main").is_displayed()
        assert not browser.find_element(By.ID, "actions").is_displayed()
        assert browser.find_element(By.ID, "request-number").is_displayed()
        assert browser.find_element(By.ID, "history").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # An unknown request: not found, still signed in, with the way back to the requests.
    browser.get(f"{base_url}/requests/{uuid.uuid4()}?lang=da")
    assert browser.find_element(By.ID, "nav-account")
    assert not browser.find_elements(By.ID, "nav-sign-in")
    browser.find_element(By.ID, "error-next").click()
    expect_heading(browser, "Anmodninger")
    sign_out(browser)


def test_a_coordinator_sees_the_counts_of_their_scope_in_slovenian(browser, base_url):
    coordinator = demo_users()["si.nimic"]
    browser.get(f"{base_url}/?lang=sl")
    sign_in(browser, base_url, coordinator, language="sl")
    expect_heading(browser, "Vaše delo")
    assert browser.find_element(By.ID, "scope-open").find_element(By.CLASS_NAME, "count").text.isdigit()
    assert browser.find_element(By.ID, "work-referredToUs")
    sign_out(browser)


def test_timeliness_indicators_of_a_member_state_in_slovenian(browser, base_url):
    browser.get(f"{base_url}/?lang=sl")
    browser.find_element(By.ID, "home-indicators").click()
    expect_heading(browser, "Kazalniki pravočasnosti")
    Select(browser.find_element(By.ID, "indicators-state")).select_by_value("DK")
    browser.find_element(By.ID, "indicators-submit").click()
    PageWait(browser).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "figure.chart svg")) == 6)
    assert browser.find_element(By.ID, "indicators-scope").text
    chart = browser.find_element(By.ID, "chart-received")
    assert len(chart.find_elements(By.CSS_SELECTOR, "tbody tr")) == 12
