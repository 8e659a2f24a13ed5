"""Keyboard checks by a real walk with Tab: the skip link, keyboard traps, and a visible focus at every stop.

``inspect_keyboard`` walks a page once and answers all three questions; ``check_skip_link``,
``check_keyboard_navigation`` and ``check_focus_visible`` return one part each.

How a focus indicator is proven visible: during the walk, the region of each stop (its box plus
``FOCUS_MARGIN``, so outlines outside the box count) is captured while it has focus. Afterwards
focus is removed and, at each stop's scroll position, the same regions are captured again (stops
that share a scroll position share one capture). A stop passes only if the two differ in at least
one pixel. Before the walk the caret, transitions and animations are frozen (``freeze_motion``), so
neither a blinking caret nor a half-run transition decides the result.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from selenium.webdriver.remote.webdriver import WebDriver

from portal_browser import devtools, freeze_motion, open_page, press_key, screenshot_region
from portal_findings import Finding
from portal_png import decode_png

FOCUS_MARGIN = 8
"""CSS pixels around a focused element's box included in its screenshots, so outlines and offsets show."""

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


@dataclass(frozen=True)
class FocusStop:
    """Where one Tab press put the focus: the element, its box in the viewport and the scroll position."""

    path: str
    description: str
    rect: dict[str, float]
    scroll: dict[str, float]
    viewport: dict[str, float]
    document: dict[str, float]

    @property
    def label(self) -> str:
        return f"{self.description} ({self.path})"

    @property
    def fully_in_viewport(self) -> bool:
        rect, viewport = self.rect, self.viewport
        return (
            rect["width"] >= 1
            and rect["height"] >= 1
            and rect["x"] >= 0
            and rect["y"] >= 0
            and rect["x"] + rect["width"] <= viewport["width"]
            and rect["y"] + rect["height"] <= viewport["height"]
        )

    def clip(self, margin: int = FOCUS_MARGIN) -> Clip | None:
        """The box plus ``margin``, cut to the viewport, in whole document pixels; ``None`` if nothing is visible."""
        rect, viewport, scroll = self.rect, self.viewport, self.scroll
        if rect["width"] < 1 or rect["height"] < 1:
            return None
        left = max(math.floor(rect["x"] - margin), 0)
        top = max(math.floor(rect["y"] - margin), 0)
        right = min(math.ceil(rect["x"] + rect["width"] + margin), int(viewport["width"]))
        bottom = min(math.ceil(rect["y"] + rect["height"] + margin), int(viewport["height"]))
        if rect["x"] + rect["width"] <= 0 or rect["y"] + rect["height"] <= 0:
            return None
        if rect["x"] >= viewport["width"] or rect["y"] >= viewport["height"] or right <= left or bottom <= top:
            return None
        scroll_x, scroll_y = round(scroll["x"]), round(scroll["y"])
        return Clip(left + scroll_x, top + scroll_y, right - left, bottom - top)


@dataclass(frozen=True)
class Clip:
    """A rectangle in whole CSS pixels of the document (scale 1, so also in screenshot pixels)."""

    x: int
    y: int
    width: int
    height: int

    def union(self, other: Clip) -> Clip:
        left, top = min(self.x, other.x), min(self.y, other.y)
        right = max(self.x + self.width, other.x + other.width)
        bottom = max(self.y + self.height, other.y + other.height)
        return Clip(left, top, right - left, bottom - top)


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


@dataclass
class KeyboardReport:
    """The findings of one keyboard inspection of a page, by check."""

    skip_link: list[Finding]
    navigation: list[Finding]
    focus_visible: list[Finding]
    stops: int
    """How many focus stops Tab visited."""


def focus_state(driver: WebDriver) -> FocusStop | None:
    """The currently focused element as a ``FocusStop``, or ``None`` when focus is on the document itself."""
    state = devtools(driver).run(_FOCUS_STATE)
    return FocusStop(**state) if state else None


def step_limit(driver: WebDriver) -> int:
    """The most Tab presses a walk may take: twice the number of focusable candidates, plus slack."""
    return min(2000, 2 * int(devtools(driver).run(_COUNT_FOCUSABLE)) + 10)


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
            walk.detail = f"{key} on {stop.label} does not move focus"
            return walk
        if stop.path in seen:
            walk.ending = "revisited"
            walk.detail = (
                f"{key} from {walk.stops[-1].label} goes back to {stop.label} instead of moving on: "
                "focus cycles without leaving the page"
            )
            return walk
        seen.add(stop.path)
        walk.stops.append(stop)
        if on_stop is not None:
            on_stop(stop)
    walk.ending = "step-limit"
    walk.detail = f"focus did not leave the page or return to the start within {limit} presses of {key}"
    return walk


def _capture(driver: WebDriver, clip: Clip) -> bytes:
    return screenshot_region(driver, clip.x, clip.y, clip.width, clip.height)


def _scroll_to(driver: WebDriver, x: float, y: float) -> tuple[float, float]:
    """Scrolls the window and returns where it actually is (a shorter page cannot scroll as far)."""
    return tuple(devtools(driver).run("window.scrollTo(arguments[0], arguments[1]); return [window.scrollX, window.scrollY];", x, y))


@dataclass
class _FocusCapture:
    stop: FocusStop
    clip: Clip | None
    focused: bytes
    verdict: str = ""
    """``visible``, ``invisible``, ``off-screen`` or ``moved`` once compared."""


def _walk_and_capture(driver: WebDriver, url: str) -> tuple[FocusWalk, list[_FocusCapture]]:
    """Walks forward with Tab, capturing each stop focused, then captures every region unfocused and compares."""
    open_page(driver, url)
    freeze_motion(driver)
    captures: list[_FocusCapture] = []

    def capture_focused(stop: FocusStop) -> None:
        clip = stop.clip()
        captures.append(_FocusCapture(stop, clip, _capture(driver, clip) if clip else b""))

    walk = walk_focus(driver, on_stop=capture_focused)
    devtools(driver).run(_BLUR_DEEP)
    groups: dict[tuple[float, float], list[_FocusCapture]] = {}
    for capture in captures:
        if capture.clip is None:
            capture.verdict = "off-screen"
        else:
            groups.setdefault((capture.stop.scroll["x"], capture.stop.scroll["y"]), []).append(capture)
    for (scroll_x, scroll_y), members in groups.items():
        if _scroll_to(driver, scroll_x, scroll_y) != (scroll_x, scroll_y):
            for capture in members:
                capture.verdict = "moved"
            continue
        area = members[0].clip
        for capture in members[1:]:
            area = area.union(capture.clip)
        unfocused = decode_png(_capture(driver, area))
        for capture in members:
            clip = capture.clip
            before = decode_png(capture.focused).all()
            after = unfocused.crop(clip.x - area.x, clip.y - area.y, clip.width, clip.height)
            capture.verdict = "invisible" if before == after else "visible"
    return walk, captures


def _focus_visible_findings(captures: list[_FocusCapture]) -> list[Finding]:
    by_verdict: dict[str, list[str]] = {}
    for capture in captures:
        by_verdict.setdefault(capture.verdict, []).append(capture.stop.label)
    total = len(captures)
    findings: list[Finding] = []
    if "invisible" in by_verdict:
        stops = by_verdict["invisible"]
        findings.append(Finding("focus", "focus-not-visible", f"{len(stops)} of {total} focus stops look the same focused and unfocused", tuple(stops)))
    if "off-screen" in by_verdict:
        stops = by_verdict["off-screen"]
        findings.append(Finding("focus", "focus-off-screen", f"{len(stops)} of {total} focus stops are empty or outside the viewport when focused", tuple(stops)))
    if "moved" in by_verdict:
        stops = by_verdict["moved"]
        findings.append(
            Finding(
                "focus",
                "focus-region-moved",
                f"{len(stops)} of {total} focus stops cannot be compared: without focus the page cannot scroll back to where they were",
                tuple(stops),
            )
        )
    return findings


def _navigation_findings(driver: WebDriver, url: str, forward: FocusWalk) -> list[Finding]:
    if forward.trapped:
        return [Finding("keyboard", "keyboard-trap", f"Tab: {forward.detail}", tuple(forward.paths[-3:]))]
    open_page(driver, url)
    backward = walk_focus(driver, backwards=True)
    if backward.trapped:
        return [Finding("keyboard", "keyboard-trap", f"Shift+Tab: {backward.detail}", tuple(backward.paths[-3:]))]
    expected = list(reversed(forward.stops))
    if backward.paths == [stop.path for stop in expected]:
        return []
    position = next(
        (index for index, (seen, wanted) in enumerate(zip(backward.stops, expected)) if seen.path != wanted.path),
        min(len(backward.stops), len(expected)),
    )
    seen = backward.stops[position].label if position < len(backward.stops) else "the end of the page"
    wanted = expected[position].label if position < len(expected) else "the end of the page"
    return [
        Finding(
            "keyboard",
            "shift-tab-order",
            f"Shift+Tab does not retrace Tab: step {position + 1} backwards reached {seen}, expected {wanted} "
            f"({len(backward.stops)} stops backwards, {len(forward.stops)} forwards)",
        )
    ]


def _skip_link_findings(driver: WebDriver, url: str, first: _FocusCapture | None) -> list[Finding]:
    if first is None:
        return [Finding("keyboard", "skip-link-missing", "the first Tab reaches nothing on the page")]
    stop = first.stop
    open_page(driver, url)
    freeze_motion(driver)
    press_key(driver, "Tab")
    info = devtools(driver).run(_SKIP_LINK_INFO)
    if not info["isLink"] or not info["samePage"] or not info["fragment"]:
        return [
            Finding("keyboard", "skip-link-missing", f"the first Tab reaches {stop.description}, not a link to a target on the same page", (stop.path,))
        ]
    findings: list[Finding] = []
    if not stop.fully_in_viewport:
        findings.append(Finding("keyboard", "skip-link-not-visible", f"the focused skip link {stop.description} is not fully inside the viewport", (stop.path,)))
    elif first.verdict == "invisible":
        findings.append(Finding("keyboard", "skip-link-not-visible", f"the skip link {stop.description} looks the same focused and unfocused", (stop.path,)))
    elif first.verdict != "visible":
        findings.append(Finding("keyboard", "skip-link-not-visible", f"the skip link {stop.description} cannot be proven visible ({first.verdict})", (stop.path,)))
    if not info["targetExists"]:
        findings.append(Finding("keyboard", "skip-link-target-missing", f"no element with id “{info['fragment']}” for {stop.description}", (stop.path,)))
        return findings
    press_key(driver, "Enter")
    state = devtools(driver).run(_SKIP_TARGET_STATE, info["fragment"])
    if state["hash"] != info["fragment"]:
        findings.append(Finding("keyboard", "skip-link-not-activated", f"Enter on {stop.description} did not go to #{info['fragment']}"))
    if not state["inView"]:
        findings.append(Finding("keyboard", "skip-link-target-not-scrolled", f"after Enter, #{info['fragment']} is not in the viewport"))
    if not state["focused"]:
        press_key(driver, "Tab")
        if not devtools(driver).run(_FOCUS_AT_OR_AFTER_TARGET, info["fragment"]):
            findings.append(
                Finding(
                    "keyboard",
                    "skip-link-target-not-focused",
                    f"after Enter on the skip link, neither #{info['fragment']} has focus nor does the next Tab continue inside or after it",
                )
            )
    return findings


def inspect_keyboard(driver: WebDriver, url: str) -> KeyboardReport:
    """Walks ``url`` with Tab once and reports on the skip link, keyboard traps and visible focus.

    - Skip link: the first Tab reaches a same-page link that is fully in the viewport and visibly
      focused; its target exists; Enter scrolls the target into view and moves focus into it (or
      makes the next Tab continue inside or after it).
    - Navigation: Tab leaves the page (or returns to the first stop) within ``step_limit`` presses
      without getting stuck or cycling, and Shift+Tab visits the same stops in reverse.
    - Visible focus: see the module documentation.
    """
    forward, captures = _walk_and_capture(driver, url)
    return KeyboardReport(
        skip_link=_skip_link_findings(driver, url, captures[0] if captures else None),
        navigation=_navigation_findings(driver, url, forward),
        focus_visible=_focus_visible_findings(captures),
        stops=len(forward.stops),
    )


def check_skip_link(driver: WebDriver, url: str) -> list[Finding]:
    """The skip-link part of ``inspect_keyboard``."""
    return inspect_keyboard(driver, url).skip_link


def check_keyboard_navigation(driver: WebDriver, url: str) -> list[Finding]:
    """The keyboard-trap and Shift+Tab part of ``inspect_keyboard``."""
    return inspect_keyboard(driver, url).navigation


def check_focus_visible(driver: WebDriver, url: str) -> list[Finding]:
    """The visible-focus part of ``inspect_keyboard``."""
    return inspect_keyboard(driver, url).focus_visible
