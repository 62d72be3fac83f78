"""A whole information request in the browser: a Danish handler drafts, attaches and sends it; the
Slovenian handler accepts and answers, the sensitive answer with its justification; the Danish
handler reads the answer behind its warning and closes the request."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_identity import demo_users, sign_in, sign_out
from waiting import PageWait, expect_heading

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def state_of(browser):
    return PageWait(browser).until(
        lambda b: b.find_element(By.ID, "request-state").get_attribute("data-state"))


def wait_for_state(browser, text):
    PageWait(browser).until(
        lambda b: b.find_element(By.ID, "request-state").text == text)


def take_step(browser, action, comment="", confirm=False):
    form = browser.find_element(By.CSS_SELECTOR, f'form.step-form[data-action="{action}"]')
    if comment:
        form.find_element(By.NAME, "comment").send_keys(comment)
    if confirm:
        form.find_element(By.ID, f"confirm-{action}").click()
    form.find_element(By.ID, f"step-{action}").click()


def answer(browser, question, value, justification=None):
    """Fills one question of the answer form; the form is saved or sent as a whole."""
    item = browser.find_element(By.ID, f"question-{question}")
    item.find_element(By.CSS_SELECTOR, f'input[name="value:{question}"][value="{value}"]').click()
    if justification:
        item.find_element(By.NAME, f"justification:{question}").send_keys(justification)


def test_a_request_from_denmark_to_slovenia_through_the_pages(browser, base_url):
    users = demo_users()
    dk, si = users["dk.handler"], users["si.handler"]

    sign_in(browser, base_url, dk, language="da")
    # After sign-in the account's own language applies (English for demo users); `lang` switches it.
    browser.get(f"{base_url}/requests/new?procedure=pq-information-request&state=SI&lang=da")
    expect_heading(browser, "Ny anmodning")
    Select(browser.find_element(By.ID, "responder")).select_by_value(si["organisationId"])
    browser.find_element(By.NAME, "givenNames").send_keys("Freja")
    browser.find_element(By.NAME, "familyNames").send_keys("Halvorsen")
    browser.find_element(By.NAME, "identifier").send_keys("1203874411")
    browser.find_element(By.NAME, "question:legally-established").click()
    browser.find_element(By.NAME, "question:disciplinary-sanctions").click()
    browser.find_element(By.NAME, "freeText").send_keys("Ansøgning om autorisation som sygeplejerske")
    browser.find_element(By.ID, "save-draft").click()
    assert state_of(browser) == "Kladde"
    request_url = browser.current_url.split("?")[0]

    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
        handle.write(PDF)
    try:
        browser.find_element(By.CSS_SELECTOR, '#attach-form input[type="file"]').send_keys(handle.name)
        browser.find_element(By.CSS_SELECTOR, "#attach-form button").click()
        PageWait(browser).until(
            lambda b: len(b.find_elements(By.CSS_SELECTOR, "#attachments li")) == 1)
    finally:
        os.unlink(handle.name)
    take_step(browser, "send", "Tak for hjælpen")
    wait_for_state(browser, "Sendt")
    sign_out(browser)

    sign_in(browser, base_url, si, language="sl")
    browser.get(f"{base_url}/requests?lang=sl")
    expect_heading(browser, "Zahtevki")
    browser.find_element(By.CSS_SELECTOR, f'#inbox-table a[href="{request_url[len(base_url):]}"]').click()
    wait_for_state(browser, "Poslan")
    assert "Freja" in browser.find_element(By.ID, "subject").text
    take_step(browser, "accept")
    wait_for_state(browser, "Sprejet")
    answer(browser, "legally-established", "yes")
    browser.find_element(By.ID, "save-answers").click()
    PageWait(browser).until(lambda b: "Vaši odgovori so shranjeni" in b.find_element(By.ID, "done").text)
    # Sending with the sensitive question unanswered is refused, naming it, with the saved answer kept.
    browser.find_element(By.ID, "send-answer").click()
    summary = PageWait(browser).until(lambda b: b.find_element(By.ID, "error-summary"))
    assert summary.find_element(By.CSS_SELECTOR, 'a[href="#question-disciplinary-sanctions"]')
    assert browser.find_element(By.CSS_SELECTOR, 'input[name="value:legally-established"][value="yes"]').is_selected()
    answer(browser, "disciplinary-sanctions", "no", justification="Potrebno za odločitev o priznanju")
    browser.find_element(By.ID, "send-answer").click()
    wait_for_state(browser, "Odgovorjen")
    assert "Odgovor je poslan" in browser.find_element(By.ID, "done").text
    sign_out(browser)

    sign_in(browser, base_url, dk, language="da")
    browser.get(f"{request_url}?lang=da")
    wait_for_state(browser, "Besvaret")
    sensitive = browser.find_element(By.CSS_SELECTOR, "#question-disciplinary-sanctions details.sensitive")
    assert sensitive.get_attribute("open") is None, "sensitive answers start hidden behind their warning"
    sensitive.find_element(By.TAG_NAME, "summary").click()
    assert "Nej" in sensitive.text
    take_step(browser, "close", confirm=True)
    wait_for_state(browser, "Afsluttet")
    history = browser.find_element(By.ID, "history").text
    assert "Tak for hjælpen" in history and "Besvaret" in history
    assert "Request handler SI" in history, "the history names who took each step"
    sign_out(browser)
