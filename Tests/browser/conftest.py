"""Shared fixtures of the browser suite: the sites and their pages, local servers, browser sessions.

Tests that take a ``page`` argument run once per HTML page of every site; ``screenshot_page`` runs
once per page chosen for screenshots; ``site`` once per site. See ``README.md`` for the environment
variables.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from portal_browser import new_chrome
from portal_checks import NuChecker
from portal_prefetch import PagePrefetcher
from portal_server import SiteServer
from portal_sites import (
    Page,
    Site,
    artifacts_directory,
    discover_pages,
    screenshot_patterns,
    screenshot_pages,
    sites_from_environment,
)

SITES: list[Site] = sites_from_environment()
PAGES_BY_SITE: dict[Site, list[Page]] = {site: discover_pages(site) for site in SITES}
ALL_PAGES: list[Page] = [page for site in SITES for page in PAGES_BY_SITE[site]]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page" in metafunc.fixturenames:
        metafunc.parametrize("page", ALL_PAGES, ids=[page.test_id for page in ALL_PAGES])
    if "screenshot_page" in metafunc.fixturenames:
        chosen = screenshot_pages(PAGES_BY_SITE, screenshot_patterns())
        metafunc.parametrize("screenshot_page", chosen, ids=[page.test_id for page in chosen])
    if "site" in metafunc.fixturenames:
        metafunc.parametrize("site", SITES, ids=[site.name for site in SITES])


@pytest.fixture(scope="session")
def servers() -> Iterator[dict[Site, SiteServer]]:
    """One local HTTP server per site, started once for the whole session."""
    running = {site: SiteServer(site.root).start() for site in SITES}
    yield running
    for server in running.values():
        server.stop()


@pytest.fixture
def page_url(page: Page, servers: dict[Site, SiteServer]) -> str:
    """The absolute URL of the page under test on its site's local server."""
    return servers[page.site].url(page.url_path)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    """A headless Chromium session with JavaScript, shared by the tests of one module."""
    driver = new_chrome()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def browser_without_javascript() -> Iterator[WebDriver]:
    """A headless Chromium session with JavaScript disabled through Chrome's content settings."""
    driver = new_chrome(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def recording_browser() -> Iterator[WebDriver]:
    """A headless Chromium session that records DevTools network events and console messages."""
    driver = new_chrome(performance_log=True)
    yield driver
    driver.quit()


def selected_pages(request: pytest.FixtureRequest, fixture_name: str) -> list[Page]:
    """Pages of the tests selected in this session (after ``-k`` and the like) that use ``fixture_name``."""
    pages: list[Page] = []
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if callspec is None or fixture_name not in getattr(item, "fixturenames", ()):
            continue
        page = callspec.params.get("page")
        if page is not None and page not in pages:
            pages.append(page)
    return pages


def prefetch_pages(request: pytest.FixtureRequest, servers: dict[Site, SiteServer], fixture_name: str, job, new_driver=new_chrome) -> PagePrefetcher:  # noqa: ANN001
    """Starts ``job(driver, url)`` for every selected page that uses ``fixture_name`` (see ``portal_prefetch``)."""
    pages = selected_pages(request, fixture_name)
    return PagePrefetcher(((page, servers[page.site].url(page.url_path)) for page in pages), job, new_driver)


@pytest.fixture(scope="session")
def nu_checkers() -> Iterator[dict[Site, NuChecker]]:
    """One background Nu Html Checker run per site; ``checker.report()`` waits for it."""
    checkers = {site: NuChecker(site).start() for site in SITES}
    yield checkers
    for checker in checkers.values():
        checker.close()


@pytest.fixture(scope="session", autouse=True)
def _start_nu_checker_early(request: pytest.FixtureRequest) -> None:
    """Starts the Java validator at the beginning, so it runs while the browser tests run."""
    if any("nu_checkers" in getattr(item, "fixturenames", ()) for item in request.session.items):
        request.getfixturevalue("nu_checkers")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The artifacts folder (``PORTAL_ARTIFACTS_DIR`` or ``<repo>/artifacts``)."""
    folder = artifacts_directory()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# ---------------------------------------------------------------------------------------------------
# Timing: how long each test module takes, printed at the end and kept as artifacts/browser-timing.json.
# Modules that prefetch (axe, keyboard, network) do their work while their first tests wait, so the
# time is reported per module rather than per test.

_durations: dict[str, list[float]] = defaultdict(list)
_test_counts: dict[str, int] = defaultdict(int)
_session_start = time.monotonic()


def pytest_sessionstart(session: pytest.Session) -> None:
    global _session_start
    _session_start = time.monotonic()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    module = report.nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
    _durations[module].append(report.duration)
    if report.when == "call":
        _test_counts[module] += 1


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # noqa: ANN001
    if not _durations:
        return
    elapsed = time.monotonic() - _session_start
    rows = sorted(((sum(times), _test_counts[module], module) for module, times in _durations.items()), reverse=True)
    terminalreporter.section("browser suite timing")
    terminalreporter.write_line(f"{len(SITES)} sites, {len(ALL_PAGES)} pages, {elapsed:.1f} s in total")
    for total, count, module in rows:
        terminalreporter.write_line(f"{total:8.1f} s  {count:5d} tests  {module}")
    folder = artifacts_directory()
    folder.mkdir(parents=True, exist_ok=True)
    summary = {
        "sites": [site.name for site in SITES],
        "pages": len(ALL_PAGES),
        "seconds": round(elapsed, 1),
        "modules": {module: {"tests": count, "seconds": round(total, 2)} for total, count, module in sorted(rows, key=lambda row: row[2])},
    }
    (folder / "browser-timing.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
