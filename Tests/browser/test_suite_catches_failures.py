"""Proof that every check catches what it is for: each check runs on each page of the broken fixture site.

Every page of ``Tests/Fixtures/browser/broken/`` carries one deliberate defect. For every pair of
(page, check) the check must report exactly the rules listed in ``EXPECTED`` — the defect it is
for — and nothing on the other pages. The overview page ``/`` has no defect and passes every check,
so a failure elsewhere cannot come from the harness itself.

The browser checks of a page run in one job (``run_browser_checks``), ahead of the tests, on
``PORTAL_BROWSER_WORKERS`` sessions; the Nu checker runs once for the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest

from portal_browser import DEFAULT_HEIGHT, DEFAULT_WIDTH, new_chrome, set_viewport
from portal_checks import (
    Finding,
    NuChecker,
    check_no_horizontal_scroll,
    check_without_javascript,
    console_findings,
    describe,
    inspect_keyboard,
    load_and_record,
    network_findings,
    rules,
    run_axe_light_and_dark,
)
from portal_prefetch import PagePrefetcher
from portal_server import SiteServer
from portal_sites import BROKEN_SITE, discover_pages, sites_from_folders

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

BROWSER_CHECKS = (
    "axe",
    "axe-dark-mode",
    "skip-link",
    "keyboard-navigation",
    "focus-visible",
    "network",
    "console",
    "reflow",
)
CHECKS = (*BROWSER_CHECKS, "nu", "no-javascript")


def run_browser_checks(driver, url) -> dict[str, list[Finding]]:
    """Every check that needs a browser with JavaScript, on one page (``driver`` records network events)."""
    axe = run_axe_light_and_dark(driver, url)
    load = load_and_record(driver, url)
    keyboard = inspect_keyboard(driver, url)
    try:
        reflow = check_no_horizontal_scroll(driver, url)
    finally:
        set_viewport(driver, DEFAULT_WIDTH, DEFAULT_HEIGHT)
    return {
        "axe": axe.light,
        "axe-dark-mode": axe.dark,
        "skip-link": keyboard.skip_link,
        "keyboard-navigation": keyboard.navigation,
        "focus-visible": keyboard.focus_visible,
        "network": network_findings(load),
        "console": console_findings(load),
        "reflow": reflow,
    }


@pytest.fixture(scope="module")
def broken_server() -> Iterator[SiteServer]:
    with SiteServer(BROKEN.root) as server:
        yield server


@pytest.fixture(scope="module")
def broken_browser_checks(broken_server) -> Iterator[PagePrefetcher]:
    jobs = ((path, broken_server.url(path)) for path in sorted(EXPECTED))
    prefetcher = PagePrefetcher(jobs, run_browser_checks, partial(new_chrome, performance_log=True))
    yield prefetcher
    prefetcher.close()


@pytest.fixture(scope="module")
def broken_nu() -> Iterator[NuChecker]:
    checker = NuChecker(BROKEN).start()
    yield checker
    checker.close()


@pytest.fixture(scope="module")
def broken_browser_without_javascript():
    driver = new_chrome(javascript=False)
    yield driver
    driver.quit()


def test_every_broken_page_has_expectations():
    assert set(EXPECTED) == set(PAGES), "EXPECTED and the pages of the broken fixture site differ"
    named = {check for expectations in EXPECTED.values() for check in expectations}
    assert named <= set(CHECKS), f"EXPECTED names unknown checks: {named - set(CHECKS)}"
    assert named == set(CHECKS), f"checks without a broken page that proves them: {set(CHECKS) - named}"


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_check_reports_exactly_the_deliberate_defect(
    path, check, broken_server, broken_browser_checks, broken_nu, broken_browser_without_javascript
):
    if check == "nu":
        findings = broken_nu.report().findings_for(PAGES[path])
    elif check == "no-javascript":
        findings = check_without_javascript(broken_browser_without_javascript, broken_server.url(path))
    else:
        findings = broken_browser_checks.result(path)[check]
    expected = EXPECTED[path].get(check, set())
    assert rules(findings) == expected, (
        f"{check} on {path}: expected {sorted(expected) or 'no findings'}, got:\n{describe(findings) or 'no findings'}"
    )
