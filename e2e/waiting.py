"""Waiting for pages that may still be loading after a click."""
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TRANSIENT = (NoSuchElementException, StaleElementReferenceException)


def _replaced_under_us(error):
    """Chromium reports an element of the page being replaced this way rather than as stale."""
    return "does not belong to the document" in str(error)


class PageWait(WebDriverWait):
    """Waits up to ten seconds for a page state, reading again while the page is still being replaced."""

    def __init__(self, browser, timeout=10):
        super().__init__(browser, timeout, ignored_exceptions=TRANSIENT)

    def until(self, method, message=""):
        def attempt(driver):
            try:
                return method(driver)
            except WebDriverException as error:
                if isinstance(error, TRANSIENT) or not _replaced_under_us(error):
                    raise
                return False

        return super().until(attempt, message)


def expect_heading(browser, text):
    """Waits until the page shows `text` as its heading."""
    PageWait(browser).until(lambda b: b.find_element(By.TAG_NAME, "h1").text == text)
