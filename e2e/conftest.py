"""Shared fixtures for the browser tests: a headless Chromium driven through its WebDriver.

Every page a test visits (by address or by a click that loads another page) is checked at 1280
and 390 px wide: a page wider than the window fails the test, and so does a page that shows a user
a raw code (a legal area's, a procedure's or an identifier kind's) where the catalogs have its name.
Each kind of page (its address without ids) is also checked once per language with axe-core
against WCAG 2.1 A and AA: a serious or critical violation fails the test. With OPENIMI_SCREENSHOTS
naming a folder, each visited page is saved there at both widths, for a reviewer to look at."""
import json
import os
import urllib.request
import re
import shutil
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.events import AbstractEventListener, EventFiringWebDriver
from axe_selenium_python import Axe

WIDTHS = (1280, 390)


IDENTIFIER_KINDS = ["national-id", "passport", "identity-card", "tax-number", "professional-registration"]


def raw_codes(base_url):
    """The codes a page must show by their names: legal areas, procedures, identifier kinds."""
    with urllib.request.urlopen(f"{base_url}/api/v1/legal-areas") as response:
        areas = json.load(response)["legalAreas"]
    codes = [area["code"] for area in areas] + [p["code"] for area in areas for p in area["procedures"]]
    return sorted(set(codes + IDENTIFIER_KINDS), key=len, reverse=True)


# The axe-core the package ships (3.x) tags WCAG 2.1's new AA rules `wcag21aa`.
# It also predates the HTML standard's `one-time-code` autocomplete token (the sign-in code field),
# which it is taught here rather than the field losing it.
AXE_RUN = """var done = arguments[arguments.length - 1];
var terms = axe.commons.text.autocomplete.standaloneTerms;
if (terms.indexOf('one-time-code') < 0) { terms.push('one-time-code'); }
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})
  .then(function (results) { done(results); }, function (error) { done({error: String(error)}); });"""
ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[A-Z]{2}-\d{4}-\d{6}\b|\d+")


class PageCheck(AbstractEventListener):
    """Checks each newly loaded HTML page for horizontal overflow, raw codes and accessibility, and saves its screenshots."""

    def __init__(self, codes):
        self.test = "session"
        self.count = 0
        self.audited = set()
        self.codes = re.compile(r"(?<![\w/#.-])(" + "|".join(re.escape(code) for code in codes) + r")(?![\w-])")

    def after_navigate_to(self, url, driver):
        self.check(driver)

    def after_click(self, element, driver):
        # Only a link or a button can load another page; give it a moment to arrive.
        deadline = time.time() + 3
        while time.time() < deadline:
            try:
                if driver.execute_script(
                        "return document.readyState === 'complete' && window.__openimiChecked !== true"):
                    self.check(driver)
                    return
            except Exception:
                pass
            time.sleep(0.1)

    def before_click(self, element, driver):
        self.clicked = element.tag_name

    def check(self, driver):
        if driver.execute_script("return document.contentType") != "text/html":
            return
        driver.execute_script("window.__openimiChecked = true")
        self.count += 1
        path = re.sub(r"[^a-z0-9]+", "-", driver.execute_script("return location.pathname + location.search").lower()).strip("-")
        folder = os.environ.get("OPENIMI_SCREENSHOTS")
        failures = []
        for width in WIDTHS:
            driver.set_window_size(width, 1000)
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                failures.append(f"{width} px: {overflow} px too wide")
            if folder:
                os.makedirs(folder, exist_ok=True)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(max(height, 600), 6000))
                driver.save_screenshot(os.path.join(folder, f"{self.test}-{self.count:02d}-{path or 'home'}-{width}.png"[:200]))
        driver.set_window_size(WIDTHS[0], 1000)
        assert not failures, f"{driver.current_url} overflows horizontally: {', '.join(failures)}"
        shown = self.codes.findall(driver.execute_script("return document.body.innerText"))
        assert not shown, f"{driver.current_url} shows raw codes to the user: {sorted(set(shown))}"
        self.audit(driver)

    def audit(self, driver):
        """axe-core on each kind of page once per language (and again when a form came back refused)."""
        kind = ID.sub("#", driver.execute_script("return location.pathname"))
        language = driver.execute_script("return document.documentElement.lang")
        refused = driver.execute_script("return document.querySelector('.error-summary, .field-error') !== null")
        key = (kind, language, refused)
        if key in self.audited:
            return
        self.audited.add(key)
        Axe(driver).inject()
        results = driver.execute_async_script(AXE_RUN)
        assert "error" not in results, f"axe-core could not run on {driver.current_url}: {results.get('error')}"
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        assert not serious, f"{driver.current_url} fails WCAG 2.1 AA: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in serious)


@pytest.fixture(scope="session")
def base_url():
    return os.environ.get("OPENIMI_URL", "http://127.0.0.1:8080").rstrip("/")


@pytest.fixture(scope="session")
def page_check(base_url):
    return PageCheck(raw_codes(base_url))


@pytest.fixture(scope="session")
def browser(page_check):
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB",
                     "--hide-scrollbars"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    # axe-core runs as an asynchronous script: give it time on a long page.
    driver.set_script_timeout(60)
    yield EventFiringWebDriver(driver, page_check)
    driver.quit()


@pytest.fixture(autouse=True)
def name_screenshots(request, page_check):
    """Names the screenshots of each test after it."""
    page_check.test = re.sub(r"^test_", "", request.node.name)[:60]
    page_check.count = 0
    yield
