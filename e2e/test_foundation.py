"""Journeys through the public pages: languages, directory search, legal areas, coordinators."""
from selenium.webdriver.common.by import By
from waiting import PageWait, expect_heading
from selenium.webdriver.support.ui import Select


def switch_language(browser, code):
    # The 26 languages sit behind one disclosure in the header.
    browser.find_element(By.CSS_SELECTOR, "nav.languages summary").click()
    browser.find_element(By.CSS_SELECTOR, f'nav.languages a[data-lang="{code}"]').click()
    PageWait(browser).until(lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == code)


def test_home_page_switches_to_danish_and_slovenian(browser, base_url):
    browser.get(base_url + "/?lang=en")
    expect_heading(browser, "Administrative cooperation across the EEA")
    switch_language(browser, "da")
    expect_heading(browser, "Administrativt samarbejde i hele EØS")
    assert "Nationale IMI-koordinatorer" in browser.find_element(By.CSS_SELECTOR, "nav.main").text
    # The choice is remembered on the next page.
    browser.find_element(By.ID, "nav-directory").click()
    expect_heading(browser, "Myndighedsregister")
    switch_language(browser, "sl")
    expect_heading(browser, "Imenik organov")
    assert browser.find_element(By.ID, "search-submit").text == "Išči"
    switch_language(browser, "en")


def test_search_the_directory_and_open_an_authority(browser, base_url):
    browser.get(base_url + "/directory?lang=en")
    field = browser.find_element(By.ID, "search-name")
    field.clear()
    field.send_keys("laegeforening")
    browser.find_element(By.ID, "search-submit").click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "result-count").text == "1 authorities found")
    links = browser.find_elements(By.CSS_SELECTOR, "a.authority-link")
    assert [link.text for link in links] == ["Medical Association Authorisation Office"]
    links[0].click()
    expect_heading(browser, "Medical Association Authorisation Office")
    assert "Lægeforeningens Autorisationskontor" in browser.page_source
    assert "autorisation@laeger.example" in browser.page_source


def test_filter_the_directory_by_state_and_legal_area(browser, base_url):
    browser.get(base_url + "/directory?lang=sl")
    Select(browser.find_element(By.ID, "search-state")).select_by_value("SI")
    Select(browser.find_element(By.ID, "search-area")).select_by_value("gdpr-cooperation")
    browser.find_element(By.ID, "search-submit").click()
    # Exact text: "Najdeni organi: 16" on the unfiltered page also contains "Najdeni organi: 1".
    PageWait(browser).until(lambda b: b.find_element(By.ID, "result-count").text == "Najdeni organi: 1")
    assert [link.text for link in browser.find_elements(By.CSS_SELECTOR, "a.authority-link")] == ["Informacijski pooblaščenec"]


def test_open_the_legal_area_list(browser, base_url):
    browser.get(base_url + "/?lang=en")
    browser.find_element(By.ID, "nav-legal-areas").click()
    expect_heading(browser, "Legal areas and procedures")
    sections = browser.find_elements(By.CSS_SELECTOR, "section.area")
    assert len(sections) == 14
    assert "Directive 2005/36/EC" in browser.page_source
    switch_language(browser, "da")
    assert "Direktiv 2005/36/EF" in browser.page_source
    assert "Erhvervsmæssige kvalifikationer" in browser.page_source
    switch_language(browser, "en")


def test_national_coordinators_and_a_friendly_error_page(browser, base_url):
    browser.get(base_url + "/coordinators?lang=en")
    table = browser.find_element(By.ID, "national-coordinators").text
    assert "Denmark" in table and "imi@erst.example" in table and "Slovenia" in table
    browser.get(base_url + "/no-such-page?lang=sl")
    expect_heading(browser, "Ni najdeno")
    browser.get(base_url + "/?lang=en")


def test_all_languages_are_offered_and_greek_and_cyrillic_pages_read(browser, base_url):
    browser.get(base_url + "/?lang=el")
    browser.find_element(By.CSS_SELECTOR, "nav.languages summary").click()
    links = browser.find_elements(By.CSS_SELECTOR, "nav.languages a[data-lang]")
    assert len(links) == 26
    names = {link.get_attribute("data-lang"): link.text for link in links}
    assert names["el"] == "ελληνικά" and names["bg"] == "български" and names["ga"] == "Gaeilge"
    assert all(link.get_attribute("lang") == link.get_attribute("data-lang") for link in links)
    browser.get(base_url + "/glossary?lang=el")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "el"
    assert "δεδομένα προσωπικού χαρακτήρα" in browser.find_element(By.ID, "glossary").text
    browser.get(base_url + "/legal-areas?lang=bg")
    assert "Директива 2005/36/ЕО" in browser.find_element(By.TAG_NAME, "main").text
    browser.get(base_url + "/glossary?lang=en")
