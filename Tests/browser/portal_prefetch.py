"""Runs a per-page job for every page ahead of the tests, on a few browser sessions at once.

Most of a browser check is waiting (for a frame, a screenshot, a round trip to ChromeDriver), so
two or three sessions side by side finish nearly two or three times sooner even on two cores.
A test module creates one ``PagePrefetcher``; it starts every job at once, in test order, and each
test takes its page's result with ``result(key)`` (waiting for it if need be, re-raising its error).

``PORTAL_BROWSER_WORKERS`` sets the number of sessions (default 2); ``1`` means one session per
module, with the jobs still run in order ahead of the tests.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

T = TypeVar("T")

DEFAULT_WORKERS = 2


def worker_count() -> int:
    """Browser sessions a prefetcher may use: ``PORTAL_BROWSER_WORKERS``, at least 1, default 2."""
    try:
        return max(1, int(os.environ.get("PORTAL_BROWSER_WORKERS", DEFAULT_WORKERS)))
    except ValueError:
        return DEFAULT_WORKERS


class PagePrefetcher(Generic[T]):
    """Runs ``job(driver, url)`` for each ``(key, url)`` on up to ``workers`` browser sessions in threads.

    Each thread owns one session, created by ``new_driver`` when the thread starts its first job;
    a session that fails with a WebDriver error is replaced before the thread's next job.
    """

    def __init__(
        self,
        jobs: Iterable[tuple[Hashable, str]],
        job: Callable[[WebDriver, str], T],
        new_driver: Callable[[], WebDriver],
        *,
        workers: int | None = None,
    ) -> None:
        self._job = job
        self._new_driver = new_driver
        self._local = threading.local()
        self._drivers: list[WebDriver] = []
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=workers or worker_count(), thread_name_prefix="browser")
        self._futures: dict[Hashable, Future[T]] = {key: self._executor.submit(self._run, url) for key, url in jobs}

    def _driver(self) -> WebDriver:
        driver = getattr(self._local, "driver", None)
        if driver is None:
            driver = self._new_driver()
            self._local.driver = driver
            with self._lock:
                self._drivers.append(driver)
        return driver

    def _run(self, url: str) -> T:
        driver = self._driver()
        try:
            return self._job(driver, url)
        except WebDriverException:
            self._local.driver = None
            with self._lock:
                self._drivers.remove(driver)
            try:
                driver.quit()
            except WebDriverException:
                pass
            raise

    def result(self, key: Hashable) -> T:
        """The job's result for ``key``; waits for it, and re-raises the job's exception if it failed."""
        return self._futures[key].result()

    def close(self) -> None:
        """Cancels jobs not yet started, waits for running ones, and ends every browser session."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            drivers, self._drivers = self._drivers, []
        for driver in drivers:
            try:
                driver.quit()
            except WebDriverException:
                pass
