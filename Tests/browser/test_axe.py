"""axe-core on every page: no violations of WCAG 2.0/2.1 A and AA rules or axe's best practices."""

from portal_browser import open_page, set_color_scheme
from portal_checks import DARK_MODE_AXE_RULES, describe, run_axe


def test_axe_finds_no_violations(browser, page, page_url):
    open_page(browser, page_url)
    findings = run_axe(browser)
    assert not findings, describe(findings)


def test_axe_finds_no_contrast_problems_in_dark_mode(browser, page, page_url):
    set_color_scheme(browser, "dark")
    try:
        open_page(browser, page_url)
        findings = run_axe(browser, only_rules=DARK_MODE_AXE_RULES)
    finally:
        set_color_scheme(browser, None)
    assert not findings, describe(findings)
