"""Waiting for pages that may still be loading after a click."""
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TRANSIENT = (NoSuchElementException, StaleElementReferenceException)


def expect_heading(browser, text):
    """Waits until the page shows `text` as its heading."""
    WebDriverWait(browser, 10, ignored_exceptions=TRANSIENT).until(lambda b: b.find_element(By.TAG_NAME, "h1").text == text)
