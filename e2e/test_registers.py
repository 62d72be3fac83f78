"""The register of European Professional Cards in the browser: a Slovenian authority of the area
finds a Danish card by its number and opens it; the Danish authority that keeps it
suspends it, and the earlier version stays in its history."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_identity import demo_users, sign_in, sign_out
from waiting import PageWait


def test_a_card_is_found_and_its_keeper_changes_it(browser, base_url):
    users = demo_users()
    sign_in(browser, base_url, users["si.alerts"], language="sl")
    browser.get(f"{base_url}/repositories?lang=sl")
    browser.find_element(By.CSS_SELECTOR, 'a[href="/repositories/professional-cards"]').click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "repository-search"))
    Select(browser.find_element(By.ID, "field")).select_by_value("card-number")
    browser.find_element(By.ID, "value").send_keys("epc dk 2026 000101")
    browser.find_element(By.ID, "search-repository").click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "results"))
    browser.find_element(By.CSS_SELECTOR, "#results a").click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "record-values"))
    assert "EPC-DK-2026-000101" in browser.find_element(By.ID, "record-values").text
    assert not browser.find_elements(By.ID, "change-record"), "only the keeping authority changes a card"
    url = browser.current_url.split("?")[0]
    sign_out(browser)

    sign_in(browser, base_url, users["dk.alerts"], language="da")
    browser.get(url)
    PageWait(browser).until(lambda b: b.find_element(By.ID, "change-record"))
    Select(browser.find_element(By.ID, "values.status")).select_by_value("suspended")
    browser.find_element(By.ID, "save-change").click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "done"))
    assert browser.find_element(By.ID, "history-title")
    sign_out(browser)
