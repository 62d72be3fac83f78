"""Notifications in the browser: a Danish services authority drafts a notification of a national
measure, is told what it left out, sends it to Slovenia; the Slovenian services authority finds it
in its list, reads the attached document and comments; the Danish authority closes it."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_identity import demo_users, sign_in, sign_out
from waiting import PageWait


def submit(browser, form):
    browser.find_element(By.CSS_SELECTOR, f"#{form} button[type=submit]").click()


def test_a_notification_is_sent_commented_and_closed(browser, base_url):
    users = demo_users()
    sign_in(browser, base_url, users["dk.services"], language="da")
    browser.get(f"{base_url}/notifications?lang=da")
    browser.find_element(By.CSS_SELECTOR, 'a[data-new-notification][href*="services-notification"]').click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "new-notification"))
    browser.find_element(By.ID, "text").send_keys("Elinstallatører skal fra 1. juli have en autorisation.")
    Select(browser.find_element(By.ID, "language")).select_by_value("da")
    # The title is required: the browser would stop the form, so it is sent as typed to see the server refuse it.
    browser.execute_script("document.getElementById('title').removeAttribute('required')")
    submit(browser, "new-notification")
    PageWait(browser).until(lambda b: b.find_element(By.ID, "title-error"))
    assert "1. juli" in browser.find_element(By.ID, "text").get_attribute("value"), "what was typed is kept"
    browser.find_element(By.ID, "title").send_keys("Autorisation af elinstallatører")
    submit(browser, "new-notification")
    PageWait(browser).until(lambda b: b.find_element(By.ID, "send-form"))
    url = browser.current_url.split("?")[0]
    number = browser.find_element(By.TAG_NAME, "h1").text.split(" · ")[0]
    assert number.startswith("N-DK-"), number
    # A file that is not a PDF, PNG or JPEG comes back on the same page, the file field named.
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
        handle.write(b"not a document")
    browser.find_element(By.ID, "file").send_keys(handle.name)
    submit(browser, "attach-form")
    PageWait(browser).until(lambda b: b.find_element(By.ID, "file-error"))
    os.unlink(handle.name)
    with tempfile.NamedTemporaryFile(prefix="bekendtgoerelse-", suffix=".pdf", delete=False) as handle:
        handle.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    browser.find_element(By.ID, "file").send_keys(handle.name)
    submit(browser, "attach-form")
    PageWait(browser).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#documents li")) == 1)
    os.unlink(handle.name)
    document = browser.find_element(By.CSS_SELECTOR, "#documents li a").text
    assert document.startswith("bekendtgoerelse-"), document
    browser.find_element(By.ID, "state.SI").click()
    submit(browser, "send-form")
    PageWait(browser).until(lambda b: b.find_element(By.ID, "done"))
    assert "Slovenien" in browser.find_element(By.ID, "notification-recipients").text
    sign_out(browser)

    sign_in(browser, base_url, users["si.services"], language="sl")
    browser.get(f"{base_url}/notifications?lang=sl")
    assert number in browser.find_element(By.ID, "notification-notices").text, "the inbox notice names the number"
    browser.find_element(By.CSS_SELECTOR, f'#notifications-received tr[data-number="{number}"] a').click()
    PageWait(browser).until(lambda b: b.find_element(By.ID, "comment-form"))
    assert not browser.find_elements(By.ID, "send-form") and not browser.find_elements(By.ID, "close-form")
    assert browser.find_element(By.CSS_SELECTOR, "#documents li a").text == document
    assert not browser.find_elements(By.ID, "attach-form"), "documents are fixed once it is sent"
    browser.find_element(By.ID, "comment").send_keys("Slovenija ima podobno ureditev.")
    submit(browser, "comment-form")
    PageWait(browser).until(lambda b: b.find_element(By.ID, "done"))
    assert "podobno" in browser.find_element(By.ID, "comments").text
    sign_out(browser)

    sign_in(browser, base_url, users["dk.services"], language="da")
    browser.get(url)
    browser.find_element(By.CSS_SELECTOR, "#close-form").find_element(By.XPATH, "./ancestor::details").find_element(
        By.TAG_NAME, "summary").click()
    browser.find_element(By.ID, "confirm-close").click()
    submit(browser, "close-form")
    PageWait(browser).until(lambda b: b.find_element(By.ID, "done"))
    assert browser.find_element(By.ID, "notification-state").get_attribute("textContent").strip() == "Afsluttet"
    assert not browser.find_elements(By.ID, "comment-form"), "a closed notification takes no more comments"
    sign_out(browser)
