"""End-to-end flows on the generated portal, and proof that content cannot run script in a citizen's browser.

Sites come from the environment (``scripts/test`` builds them):
- ``PORTAL_EXAMPLE_SITE``: the example site built from ``content/``;
- ``PORTAL_INJECTION_SITE``: ``Tests/Fixtures/sites/injection`` built, a payload in every text field.
Each group is skipped when its variable is unset.
"""

from __future__ import annotations

import html.parser
import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from portal_browser import focused_element, new_chrome, open_page, press_key, tab_to, type_into, wait_for_live_text, wait_until
from portal_server import SiteServer

EXAMPLE = os.environ.get("PORTAL_EXAMPLE_SITE")
INJECTION = os.environ.get("PORTAL_INJECTION_SITE")


@pytest.fixture(scope="module")
def driver():
    browser = new_chrome()
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def example():
    if not EXAMPLE:
        pytest.skip("PORTAL_EXAMPLE_SITE is not set")
    with SiteServer(Path(EXAMPLE)) as server:
        yield server


@pytest.fixture(scope="module")
def injection():
    if not INJECTION:
        pytest.skip("PORTAL_INJECTION_SITE is not set")
    with SiteServer(Path(INJECTION)) as server:
        yield server


# --- Search and filters, by keyboard ---------------------------------------------------------------------

def test_search_typed_into_the_header_form_finds_and_follows_a_result(driver, example):
    open_page(driver, example.url("/"))
    type_into(driver, "header input[name=q]", "Bauanträge")
    press_key(driver, "Enter")
    wait_until(lambda: "/suche/" in driver.current_url, message="the header form did not submit to the search page")
    announcement = wait_for_live_text(driver, r"Ergebnis")
    assert "Bauanträge" in announcement
    tab_to(driver, "#search-results a")
    title = focused_element(driver)["text"]
    assert "Bauanträgen" in title or "Bauantr" in title
    press_key(driver, "Enter")
    wait_until(lambda: "/massnahmen/" in driver.current_url, message="Enter did not follow the result")
    assert driver.execute_script("return document.querySelector('h1').textContent").strip() == title.strip()


@pytest.mark.parametrize("query, expected_path", [
    ("Wohngeldantrag", "/massnahmen/wohngeld-antragsassistent/"),
    ("Strasse", "/massnahmen/strassenschaeden-erkennung/"),
    ("Buergerservice Chatbot", "/massnahmen/chatbot-buergerservice/"),
    ("KI Verordnung", None),
    ("AT/0047/2025", "/antraege/at-0047-2025/"),
])
def test_german_queries_on_the_example_site(driver, example, query, expected_path):
    from urllib.parse import quote
    open_page(driver, example.url("/suche/?q=" + quote(query)))
    wait_for_live_text(driver, r"Ergebnis")
    links = wait_until(lambda: driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results .search-result__title a')).map(a => a.getAttribute('href'))"))
    assert links, f"no results for {query}"
    if expected_path:
        assert expected_path in links[:3], f"{query}: {links[:5]}"


def test_kind_filter_works_by_keyboard(driver, example):
    open_page(driver, example.url("/suche/?q=KI"))
    wait_for_live_text(driver, r"Ergebnis")
    tab_to(driver, "#search-kind")
    # Choose "Vorlage" (motion) with the arrow keys, as a keyboard user would.
    for _ in range(2):
        press_key(driver, "ArrowDown")
    wait_until(lambda: driver.execute_script("return document.querySelector('#search-kind').value") == "motion")
    wait_until(lambda: driver.execute_script(
        "const links = document.querySelectorAll('#search-results .search-result__title a');"
        "return links.length > 0 && Array.from(links).every(a => a.getAttribute('href').startsWith('/antraege/'))"),
        message="the kind filter did not narrow the results to council papers")


def test_register_filter_pages_work_without_script(driver, example):
    open_page(driver, example.url("/massnahmen/"))
    links = driver.execute_script("return Array.from(document.querySelectorAll('a[href^=\"/massnahmen/status/\"]')).map(a => a.getAttribute('href'))")
    assert "/massnahmen/status/pilot/" in links
    tab_to(driver, 'a[href="/massnahmen/status/pilot/"]')
    press_key(driver, "Enter")
    wait_until(lambda: driver.current_url.endswith("/massnahmen/status/pilot/"))
    assert driver.execute_script("return document.querySelector('[aria-current]') !== null")


# --- Script injection ---------------------------------------------------------------------------------------

class _Scan(html.parser.HTMLParser):
    """Finds inline scripts, event-handler attributes, script URLs and a CSP with unsafe-inline."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.csp: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "srcdoc") and value and value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and "src" not in values and values.get("type") != "application/json":
            self.problems.append("inline <script>")
        if tag in ("iframe", "object", "embed", "style", "base"):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = values.get("content")


def _html_files(root: str) -> list[Path]:
    return sorted(Path(root).rglob("*.html"))


@pytest.mark.parametrize("variable", ["PORTAL_EXAMPLE_SITE", "PORTAL_INJECTION_SITE"])
def test_no_inline_script_event_handler_or_unsafe_csp(variable):
    root = os.environ.get(variable)
    if not root:
        pytest.skip(f"{variable} is not set")
    failures = []
    for path in _html_files(root):
        scan = _Scan()
        scan.feed(path.read_text(encoding="utf-8"))
        if not scan.csp or "unsafe-inline" in scan.csp or "unsafe-eval" in scan.csp or "script-src 'self'" not in scan.csp:
            failures.append(f"{path}: CSP {scan.csp!r}")
        failures += [f"{path}: {problem}" for problem in scan.problems]
    assert not failures, "\n".join(failures[:30])


def test_no_payload_runs_in_the_browser(driver, injection):
    pages = [path.relative_to(INJECTION).as_posix() for path in _html_files(INJECTION)]
    assert len(pages) > 20
    ran = []
    for relative in pages:
        url_path = "/" + relative.removesuffix("index.html")
        open_page(driver, injection.url(url_path))
        # Focus and hover everything once, so handlers that would need an event get their chance.
        driver.execute_script("document.querySelectorAll('a, button, input, select, summary').forEach(e => { e.focus(); e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })")
        if driver.execute_script("return window.__xss !== undefined"):
            ran.append(url_path)
    assert ran == []


def test_payloads_are_shown_as_text(driver, injection):
    open_page(driver, injection.url("/massnahmen/massnahme-x/"))
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading == "Maßnahme <script>window.__xss=1</script>"
    assert driver.execute_script("return window.__xss === undefined")


def test_search_results_and_excerpts_show_payloads_as_text(driver, injection):
    open_page(driver, injection.url("/suche/?q=Xsssuchwort"))
    wait_for_live_text(driver, r"Ergebnis")
    titles = wait_until(lambda: driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results .search-result__title')).map(e => e.textContent)"))
    assert any("<script>window.__xss=1</script>" in title for title in titles), titles
    assert driver.execute_script("return document.querySelectorAll('#search-results script, #search-results img, #search-results svg').length") == 0
    assert driver.execute_script("return window.__xss === undefined")
