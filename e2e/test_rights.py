"""A person's rights request through the pages, in Danish: the local data administrator registers
it, finds the person's request through the blind index and answers it; the public privacy notice
is there in every language."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_identity import demo_users, sign_in, sign_out


def test_a_rights_request_is_registered_found_and_answered(browser, base_url):
    sign_in(browser, base_url, demo_users()["dk.admin"], language="da")
    assert browser.find_element(By.ID, "nav-rights").get_attribute("href").endswith("/rights-requests")
    browser.get(f"{base_url}/rights-requests?lang=da")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "new-rights-request")))
    assert "Register over borgeres anmodninger" in browser.page_source
    browser.find_element(By.CSS_SELECTOR, "#kind option[value='access']").click()
    browser.find_element(By.ID, "givenNames").send_keys("Søren")
    browser.find_element(By.ID, "familyNames").send_keys("Østergaard")
    browser.find_element(By.ID, "identifier").send_keys("170265-4321")
    browser.find_element(By.ID, "issuer").send_keys("DK")
    browser.find_element(By.ID, "identification").send_keys("Pas fremvist ved skranken")
    browser.find_element(By.CSS_SELECTOR, "#language option[value='da']").click()
    browser.find_element(By.ID, "save-rights-request").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "answer-rights-request")))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#rights-matches tbody tr")) == 1
    assert browser.find_element(By.ID, "status").text == "Modtaget"
    assert browser.find_element(By.ID, "export-pdf").get_attribute("href").endswith("/export.pdf")
    browser.find_element(By.CSS_SELECTOR, "input[name='status'][value='completed']").click()
    browser.find_element(By.ID, "outcome").send_keys("Oplysningerne er udleveret")
    browser.find_element(By.ID, "save-answer").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.ID, "status"), "Imødekommet"))
    sign_out(browser)


def test_the_privacy_notice_is_public_in_every_language(browser, base_url):
    for language, title in [("en", "Privacy notice"), ("da", "Oplysning om databeskyttelse"), ("sl", "Obvestilo o varstvu podatkov")]:
        browser.get(f"{base_url}/privacy?lang={language}")
        assert browser.find_element(By.TAG_NAME, "h1").text == title
