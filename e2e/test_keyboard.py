"""Keyboard only: a Portuguese handler signs in, drafts and sends a request, and the Slovenian
handler answers it, with Tab, Enter, Space and the arrow keys alone: no click, no typing into an
element the keyboard did not reach. Every focused control shows a visible focus ring; the first
Tab reaches the skip link, which leads past the navigation."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from test_identity import demo_users, fresh_code
from waiting import PageWait, expect_heading


def keys(browser, *sequence):
    ActionChains(browser.wrapped_driver).send_keys(*sequence).perform()


def focused(browser, css):
    return browser.execute_script("return document.activeElement && document.activeElement.matches(arguments[0])", css)


def tab_to(browser, css, limit=200, backwards=False):
    """Presses Tab until the focused element matches `css`; checks each stop shows where focus is."""
    for _ in range(limit):
        if focused(browser, css):
            ring = browser.execute_script(
                "var s = getComputedStyle(document.activeElement);"
                "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'")
            assert ring, f"{css} has no visible focus indicator"
            return
        keys(browser, Keys.SHIFT + Keys.TAB if backwards else Keys.TAB)
    raise AssertionError(f"Tab never reached {css} on {browser.current_url}")


def choose(browser, css, value, limit=60):
    """Moves a focused select to `value` with the arrow keys."""
    tab_to(browser, css)
    for key in (Keys.ARROW_DOWN, Keys.ARROW_UP):
        for _ in range(limit):
            if browser.execute_script("return document.activeElement.value") == value:
                return
            keys(browser, key)
    raise AssertionError(f"{css} never took {value}")


def sign_in_by_keyboard(browser, base_url, user, language):
    browser.get(f"{base_url}/sign-in?lang={language}")
    keys(browser, Keys.TAB)
    assert focused(browser, "a.skip"), "the first Tab reaches the skip link"
    assert browser.execute_script("return document.activeElement.getBoundingClientRect().left >= 0"), "it shows when focused"
    keys(browser, Keys.ENTER)
    tab_to(browser, "#username")
    keys(browser, user["username"], Keys.TAB)
    assert focused(browser, "#password")
    keys(browser, user["password"])
    tab_to(browser, "#code")
    keys(browser, fresh_code(user["totpSecretRaw"]), Keys.ENTER)
    PageWait(browser).until(lambda b: b.find_elements(By.ID, "nav-account"))


def sign_out_by_keyboard(browser):
    tab_to(browser, "#sign-out", backwards=True)
    keys(browser, Keys.ENTER)
    PageWait(browser).until(lambda b: b.find_elements(By.ID, "nav-sign-in"))


def test_a_request_drafted_sent_and_answered_with_the_keyboard_alone(browser, base_url, page_check):
    users = demo_users()
    dk, si = users["dk.handler"], users["si.handler"]

    sign_in_by_keyboard(browser, base_url, dk, "pt")
    browser.get(f"{base_url}/requests/new?procedure=pq-information-request&state=SI&lang=pt")
    page_check.check(browser.wrapped_driver)
    choose(browser, "#responder", si["organisationId"])
    tab_to(browser, "#givenNames")
    keys(browser, "Inês")
    tab_to(browser, "#familyNames")
    keys(browser, "Carvalho")
    tab_to(browser, 'input[name="question:legally-established"]')
    keys(browser, Keys.SPACE)
    assert browser.execute_script("return document.activeElement.checked"), "Space ticks a question"
    tab_to(browser, 'textarea[name="freeText"]')
    keys(browser, "Pedido de confirmação da inscrição como enfermeira")
    choose(browser, 'select[name="freeTextLanguage"]', "pt")
    tab_to(browser, "#save-draft")
    keys(browser, Keys.ENTER)
    PageWait(browser).until(lambda b: b.find_elements(By.ID, "request-state"))
    page_check.check(browser.wrapped_driver)
    request_path = browser.execute_script("return location.pathname")
    tab_to(browser, "#step-send")
    keys(browser, Keys.SPACE)
    PageWait(browser).until(lambda b: "state-sent" in b.find_element(By.ID, "request-state").get_attribute("class"))
    sign_out_by_keyboard(browser)

    sign_in_by_keyboard(browser, base_url, si, "sl")
    browser.get(f"{base_url}{request_path}?lang=sl")
    tab_to(browser, "#step-accept")
    keys(browser, Keys.ENTER)
    PageWait(browser).until(lambda b: b.find_elements(By.ID, "send-answer"))
    page_check.check(browser.wrapped_driver)
    # A radio group takes the arrow keys: the first arrow from "yes" selects "no", the next "yes" again.
    tab_to(browser, 'input[name="value:legally-established"]')
    keys(browser, Keys.ARROW_DOWN)
    keys(browser, Keys.ARROW_UP)
    assert browser.execute_script("return document.activeElement.checked && document.activeElement.value") == "yes"
    tab_to(browser, "#send-answer")
    keys(browser, Keys.ENTER)
    PageWait(browser).until(lambda b: "state-answered" in b.find_element(By.ID, "request-state").get_attribute("class"))
    page_check.check(browser.wrapped_driver)
    sign_out_by_keyboard(browser)


def test_a_refused_form_is_announced_and_linked_to_its_fields(browser, base_url):
    user = demo_users()["de.handler"]
    sign_in_by_keyboard(browser, base_url, user, "fi")
    browser.get(f"{base_url}/requests/new?procedure=pq-information-request&state=SI&lang=fi")
    tab_to(browser, "#save-draft")
    keys(browser, Keys.ENTER)
    summary = PageWait(browser).until(lambda b: b.find_element(By.CSS_SELECTOR, ".error-summary"))
    assert summary.get_attribute("role") == "alert" or summary.find_elements(By.CSS_SELECTOR, "[role=alert]")
    link = summary.find_element(By.CSS_SELECTOR, "a[href^='#']")
    target = browser.find_element(By.ID, link.get_attribute("href").split("#", 1)[1])
    described = target.get_attribute("aria-describedby") or ""
    assert target.get_attribute("aria-invalid") == "true" and described, "the field says it is in error and by what"
    assert browser.find_element(By.ID, described.split()[0]).text
    sign_out_by_keyboard(browser)
