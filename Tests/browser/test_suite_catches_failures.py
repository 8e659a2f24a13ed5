"""Proof that every check catches what it is for: each check runs on each page of the broken fixture site.

Every page of ``Tests/Fixtures/browser/broken/`` carries one deliberate defect. For every pair of
(page, check) the check must report exactly the rules listed in ``EXPECTED`` — the defect it is
for — and nothing on the other pages. The overview page ``/`` has no defect and passes every check,
so a failure elsewhere cannot come from the harness itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from portal_browser import DEFAULT_HEIGHT, DEFAULT_WIDTH, new_chrome, open_page, set_color_scheme, set_viewport
from portal_checks import (
    DARK_MODE_AXE_RULES,
    Finding,
    NuChecker,
    KeyboardReport,
    check_no_horizontal_scroll,
    check_without_javascript,
    console_findings,
    describe,
    inspect_keyboard,
    load_and_record,
    network_findings,
    rules,
    run_axe,
)
from portal_server import SiteServer
from portal_sites import BROKEN_SITE, Page, discover_pages, sites_from_folders

BROKEN = sites_from_folders([BROKEN_SITE])[0]
PAGES = {page.url_path: page for page in discover_pages(BROKEN)}

# What each broken page must make each check report. Checks not named for a page must pass on it.
EXPECTED: dict[str, dict[str, set[str]]] = {
    "/": {},
    "/bild-ohne-alt/": {"axe": {"image-alt"}},
    "/kontrast/": {"axe": {"color-contrast"}, "axe-dark-mode": {"color-contrast"}},
    "/feld-ohne-label/": {"axe": {"label"}},
    "/ohne-skip-link/": {"skip-link": {"skip-link-missing"}},
    # axe sees the missing target too ("skip-link"), and so no longer takes the link for a skip link
    # but for content outside any landmark ("region").
    "/sprungziel-fehlt/": {"skip-link": {"skip-link-target-missing"}, "axe": {"skip-link", "region"}},
    "/unsichtbarer-fokus/": {"focus-visible": {"focus-not-visible"}},
    "/tastaturfalle/": {"keyboard-navigation": {"keyboard-trap"}},
    # The page's CSP blocks the image, and Chromium logs that block to the console as well.
    "/externe-anfrage/": {"network": {"external-request"}, "console": {"console-error"}},
    # Chromium logs every failed resource load to the console as well.
    "/fehlende-datei/": {"network": {"http-error"}, "console": {"console-error"}},
    "/skriptfehler/": {"console": {"console-error"}},
    "/ungueltiges-html/": {"nu": {"Stray end tag “span”."}},
    "/nur-mit-javascript/": {"no-javascript": {"main-empty-without-javascript", "needs-javascript-notice"}},
    "/zu-breit/": {"reflow": {"horizontal-scroll"}},
}


@dataclass
class BrokenSite:
    """The broken site's server, the browser sessions and the Nu run the checks below share."""

    server: SiteServer
    browser: WebDriver
    browser_without_javascript: WebDriver
    nu: NuChecker
    keyboard_reports: dict[str, KeyboardReport] = field(default_factory=dict)

    def url(self, page: Page) -> str:
        return self.server.url(page.url_path)

    def keyboard(self, page: Page) -> KeyboardReport:
        """One keyboard inspection per page, shared by its three keyboard checks."""
        if page.url_path not in self.keyboard_reports:
            self.keyboard_reports[page.url_path] = inspect_keyboard(self.browser, self.url(page))
        return self.keyboard_reports[page.url_path]


@pytest.fixture(scope="module")
def broken() -> Iterator[BrokenSite]:
    nu = NuChecker(BROKEN).start()
    with SiteServer(BROKEN.root) as server:
        browser = new_chrome(performance_log=True)
        browser_without_javascript = new_chrome(javascript=False)
        try:
            yield BrokenSite(server, browser, browser_without_javascript, nu)
        finally:
            browser.quit()
            browser_without_javascript.quit()


def _axe(site: BrokenSite, page: Page) -> list[Finding]:
    open_page(site.browser, site.url(page))
    return run_axe(site.browser)


def _axe_dark_mode(site: BrokenSite, page: Page) -> list[Finding]:
    set_color_scheme(site.browser, "dark")
    try:
        open_page(site.browser, site.url(page))
        return run_axe(site.browser, only_rules=DARK_MODE_AXE_RULES)
    finally:
        set_color_scheme(site.browser, None)


def _nu(site: BrokenSite, page: Page) -> list[Finding]:
    return site.nu.report().findings_for(page)


def _network(site: BrokenSite, page: Page) -> list[Finding]:
    return network_findings(load_and_record(site.browser, site.url(page)), origin=site.server.origin)


def _console(site: BrokenSite, page: Page) -> list[Finding]:
    return console_findings(load_and_record(site.browser, site.url(page)))


def _reflow(site: BrokenSite, page: Page) -> list[Finding]:
    try:
        return check_no_horizontal_scroll(site.browser, site.url(page))
    finally:
        set_viewport(site.browser, DEFAULT_WIDTH, DEFAULT_HEIGHT)


CHECKS: dict[str, Callable[[BrokenSite, Page], list[Finding]]] = {
    "axe": _axe,
    "axe-dark-mode": _axe_dark_mode,
    "nu": _nu,
    "skip-link": lambda site, page: site.keyboard(page).skip_link,
    "keyboard-navigation": lambda site, page: site.keyboard(page).navigation,
    "focus-visible": lambda site, page: site.keyboard(page).focus_visible,
    "no-javascript": lambda site, page: check_without_javascript(site.browser_without_javascript, site.url(page)),
    "network": _network,
    "console": _console,
    "reflow": _reflow,
}


def test_every_broken_page_has_expectations():
    assert set(EXPECTED) == set(PAGES), "EXPECTED and the pages of the broken fixture site differ"
    named = {check for expectations in EXPECTED.values() for check in expectations}
    assert named <= set(CHECKS), f"EXPECTED names unknown checks: {named - set(CHECKS)}"
    assert named == set(CHECKS), f"checks without a broken page that proves them: {set(CHECKS) - named}"


@pytest.mark.parametrize("check", sorted(CHECKS))
@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_check_reports_exactly_the_deliberate_defect(broken, path, check):
    findings = CHECKS[check](broken, PAGES[path])
    expected = EXPECTED[path].get(check, set())
    assert rules(findings) == expected, (
        f"{check} on {path}: expected {sorted(expected) or 'no findings'}, got:\n{describe(findings) or 'no findings'}"
    )
