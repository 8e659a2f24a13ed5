"""axe-core on every page: no violations of WCAG 2.0/2.1 A and AA rules or axe's best practices,
and no contrast problems in the dark colour scheme either (the dark palette is a second set of colours).

Both runs of a page happen in one job, ahead of the tests, on ``PORTAL_BROWSER_WORKERS`` sessions.
"""

import pytest

from conftest import prefetch_pages
from portal_checks import describe, run_axe_light_and_dark


@pytest.fixture(scope="module")
def axe_results(request, servers):
    prefetcher = prefetch_pages(request, servers, "axe_results", run_axe_light_and_dark)
    yield prefetcher
    prefetcher.close()


def test_axe_finds_no_violations(axe_results, page):
    findings = axe_results.result(page).light
    assert not findings, describe(findings)


def test_axe_finds_no_contrast_problems_in_dark_mode(axe_results, page):
    findings = axe_results.result(page).dark
    assert not findings, describe(findings)
