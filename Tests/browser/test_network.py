"""Every page loads only from its own server, every request succeeds, and the console stays clean.

Each page is loaded once (ahead of the tests, on ``PORTAL_BROWSER_WORKERS`` recording sessions);
both tests read that load.
"""

from functools import partial

import pytest

from conftest import prefetch_pages
from portal_browser import new_chrome
from portal_checks import console_findings, describe, load_and_record, network_findings


@pytest.fixture(scope="module")
def page_loads(request, servers):
    prefetcher = prefetch_pages(request, servers, "page_loads", load_and_record, partial(new_chrome, performance_log=True))
    yield prefetcher
    prefetcher.close()


def test_requests_stay_local_and_succeed(page_loads, page, servers):
    findings = network_findings(page_loads.result(page), origin=servers[page.site].origin)
    assert not findings, describe(findings)


def test_no_console_errors(page_loads, page):
    findings = console_findings(page_loads.result(page))
    assert not findings, describe(findings)
