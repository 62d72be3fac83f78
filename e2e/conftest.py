"""Shared fixtures for the browser tests: a headless Chromium driven through its WebDriver."""
import os
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


@pytest.fixture(scope="session")
def base_url():
    return os.environ.get("OPENIMI_URL", "http://127.0.0.1:8080").rstrip("/")


@pytest.fixture(scope="session")
def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


@pytest.fixture(autouse=True)
def screenshot_on_request(request, browser):
    """Saves a screenshot of each test's last page when OPENIMI_SCREENSHOTS names a folder."""
    yield
    folder = os.environ.get("OPENIMI_SCREENSHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        browser.save_screenshot(os.path.join(folder, request.node.name + ".png"))
