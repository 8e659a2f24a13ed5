"""axe-core on every page: no violations of WCAG 2.0/2.1 A and AA rules or axe's best practices,
and no contrast problems in the dark colour scheme either (the dark palette is a second set of colours).

Both runs of a page happen in one job, ahead of the tests, on ``PORTAL_BROWSER_WORKERS`` sessions.
"""

from dataclasses import dataclass

import pytest

from conftest import prefetch_pages
from portal_browser import open_page, set_color_scheme
from portal_checks import DARK_MODE_AXE_RULES, Finding, describe, run_axe


@dataclass
class AxeResults:
    light: list[Finding]
    dark: list[Finding]


def run_axe_in_both_colour_schemes(driver, url):
    open_page(driver, url)
    light = run_axe(driver)
    set_color_scheme(driver, "dark")
    try:
        open_page(driver, url)
        dark = run_axe(driver, only_rules=DARK_MODE_AXE_RULES)
    finally:
        set_color_scheme(driver, None)
    return AxeResults(light, dark)


@pytest.fixture(scope="module")
def axe_results(request, servers):
    prefetcher = prefetch_pages(request, servers, "axe_results", run_axe_in_both_colour_schemes)
    yield prefetcher
    prefetcher.close()


def test_axe_finds_no_violations(axe_results, page):
    findings = axe_results.result(page).light
    assert not findings, describe(findings)


def test_axe_finds_no_contrast_problems_in_dark_mode(axe_results, page):
    findings = axe_results.result(page).dark
    assert not findings, describe(findings)
