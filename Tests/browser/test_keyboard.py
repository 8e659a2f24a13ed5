"""Keyboard use of every page: a working skip link, no trap, and a visible focus at every stop.

One Tab walk per page (``inspect_keyboard``) answers all three tests; the walks run ahead of the
tests on ``PORTAL_BROWSER_WORKERS`` browser sessions.
"""

import pytest

from conftest import prefetch_pages
from portal_checks import describe, inspect_keyboard


@pytest.fixture(scope="module")
def keyboard_reports(request, servers):
    prefetcher = prefetch_pages(request, servers, "keyboard_reports", inspect_keyboard)
    yield prefetcher
    prefetcher.close()


def test_first_tab_reaches_a_working_skip_link(keyboard_reports, page):
    findings = keyboard_reports.result(page).skip_link
    assert not findings, describe(findings)


def test_tab_leaves_the_page_and_shift_tab_retraces_it(keyboard_reports, page):
    findings = keyboard_reports.result(page).navigation
    assert not findings, describe(findings)


def test_every_focus_stop_is_visibly_focused(keyboard_reports, page):
    findings = keyboard_reports.result(page).focus_visible
    assert not findings, describe(findings)
