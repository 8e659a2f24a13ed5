"""Headless Chromium sessions and the small interaction helpers the checks and end-to-end tests share.

Only the system Chromium and ``/usr/bin/chromedriver`` are used; the driver path is always passed
explicitly, so Selenium Manager never runs and nothing is downloaded. Override the paths with
``PORTAL_CHROMIUM`` and ``PORTAL_CHROMEDRIVER`` if a machine keeps them elsewhere.

Keys are sent through the DevTools protocol (``Input.dispatchKeyEvent``), which is what ChromeDriver
does internally too: the page receives real, trusted key events (Tab moves focus, Enter activates).
Keys, screenshots and the many small scripts of a Tab walk go over a direct DevTools connection to
the session's page (``devtools(driver)``), which answers in about a millisecond where a round trip
through ChromeDriver takes ten.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import websocket  # websocket-client, a dependency of Selenium

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PORTAL_CHROMEDRIVER", "/usr/bin/chromedriver")
DEFAULT_WIDTH = 1280
DEFAULT_HEIGHT = 900

_CHROMIUM_ARGUMENTS = (
    "--headless=new",
    "--no-sandbox",  # CI runs as root in a container
    "--disable-dev-shm-usage",  # small /dev/shm in containers
    "--hide-scrollbars",  # scrollbars neither take layout width nor appear in screenshots
    "--force-device-scale-factor=1",
    "--force-color-profile=srgb",
    "--lang=de-DE",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-sync",
    "--disable-default-apps",
    "--no-proxy-server",  # talk to the local server directly, whatever the environment's proxy settings
    "--disable-background-networking",  # no requests of Chromium's own (updates, safe browsing lists)
    "--disable-component-update",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
    "--mute-audio",
)


class _Chromium(webdriver.Chrome):
    """A Chrome session that also closes its DevTools connection and removes its TMPDIR on ``quit()``."""

    def __init__(self, workspace: str, **keywords: Any) -> None:
        self._portal_workspace = workspace
        super().__init__(**keywords)

    def quit(self) -> None:
        connection = self.__dict__.pop("_portal_devtools", None)
        try:
            if connection is not None:
                connection.close()
            super().quit()
        finally:
            shutil.rmtree(self._portal_workspace, ignore_errors=True)


def new_chrome(
    *,
    javascript: bool = True,
    performance_log: bool = False,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
) -> WebDriver:
    """Starts a headless Chromium session.

    ``javascript=False`` disables JavaScript for every site through Chrome's content-settings
    preference (WebDriver's own ``execute_script`` still works). ``performance_log=True`` records
    DevTools network events and console messages for ``portal_checks.load_and_record``.
    """
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in _CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--window-size={width},{height}")
    preferences: dict[str, object] = {"intl.accept_languages": "de-DE,de"}
    if not javascript:
        preferences["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", preferences)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    # Chromium and ChromeDriver keep their profile and singleton socket under TMPDIR and do not
    # always remove them when a session ends; a private TMPDIR per session is removed on quit().
    workspace = tempfile.mkdtemp(prefix="portal-chromium-")
    service = Service(executable_path=CHROMEDRIVER, env={**os.environ, "TMPDIR": workspace})
    try:
        driver = _Chromium(workspace, service=service, options=options)
    except Exception:
        shutil.rmtree(workspace, ignore_errors=True)
        raise
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    set_viewport(driver, width, height)
    return driver


class DevTools:
    """A direct DevTools protocol connection to the page of a ChromeDriver session.

    ChromeDriver names each window by its DevTools target id and tells where Chromium's DevTools
    endpoint listens (``goog:chromeOptions.debuggerAddress``), so the suite can attach to the same
    page as a second client. Only commands are sent; no domain is enabled, so no events arrive.
    """

    def __init__(self, driver: WebDriver, *, timeout: float = 60.0) -> None:
        address = driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via an HTTP proxy
        with direct.open(f"http://{address}/json/list", timeout=timeout) as response:
            targets = json.load(response)
        handle = driver.current_window_handle
        target = next((target for target in targets if target.get("id") == handle), None)
        if target is None:
            raise RuntimeError(f"no DevTools target for window {handle} at {address}")
        self._socket = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=timeout, suppress_origin=True)
        self._ids = itertools.count(1)

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Sends one command and returns its result; raises ``RuntimeError`` with the protocol's error."""
        identifier = next(self._ids)
        self._socket.send(json.dumps({"id": identifier, "method": method, "params": params or {}}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == identifier:
                break
        if "error" in message:
            raise RuntimeError(f"{method} failed: {message['error']}")
        return message.get("result", {})

    def run(self, body: str, *arguments: Any) -> Any:
        """Runs a script body written like Selenium's (``return``, ``arguments[0]``) and returns its JSON value."""
        expression = f"(function() {{\n{body}\n}}).apply(null, {json.dumps(list(arguments))})"
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text", "script failed")
            raise RuntimeError(f"script failed: {text}")
        return result.get("result", {}).get("value")

    def close(self) -> None:
        self._socket.close()


def devtools(driver: WebDriver) -> DevTools:
    """The direct DevTools connection of ``driver``'s page, opened on first use."""
    connection = driver.__dict__.get("_portal_devtools")
    if connection is None:
        connection = DevTools(driver)
        driver.__dict__["_portal_devtools"] = connection
    return connection


def set_viewport(driver: WebDriver, width: int, height: int) -> None:
    """Makes the layout viewport exactly ``width`` × ``height`` CSS pixels (desktop mode, scale 1)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def set_color_scheme(driver: WebDriver, scheme: str | None) -> None:
    """Emulates ``prefers-color-scheme`` (``"light"``, ``"dark"``, or ``None`` for the default)."""
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})


def open_page(driver: WebDriver, url: str) -> None:
    """Loads ``url`` and waits until the document, its web fonts and all its images have loaded.

    Lazy images are switched to eager first, so no image appears later, in the middle of a check
    (between two screenshots of the focus check, say).
    """
    driver.get(url)
    driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        for (const image of document.querySelectorAll('img[loading="lazy"]')) { image.loading = "eager"; }
        const images = Array.from(document.images).filter((image) => !image.complete);
        const fonts = document.fonts ? document.fonts.ready : Promise.resolve();
        Promise.all([fonts, ...images.map((image) => new Promise((resolve) => {
            image.addEventListener("load", resolve, { once: true });
            image.addEventListener("error", resolve, { once: true });
        }))]).then(() => done(true));
        """
    )


_FREEZE_CSS = """
*, *::before, *::after {
  caret-color: transparent !important;
  transition-duration: 0s !important;
  transition-delay: 0s !important;
  animation-duration: 0s !important;
  animation-delay: 0s !important;
  animation-iteration-count: 1 !important;
}
html { scroll-behavior: auto !important; }
"""


def freeze_motion(driver: WebDriver) -> None:
    """Hides the blinking text caret and ends transitions, animations and smooth scrolling at once.

    This keeps pixel comparisons honest: a caret blink or a half-finished transition would make a
    focused and an unfocused screenshot differ (or match) by chance. The style sheet is adopted
    through the CSSOM, which the pages' ``default-src 'self'`` CSP permits; the page's own styles
    (focus rings included) are untouched.
    """
    driver.execute_script(
        "const sheet = new CSSStyleSheet(); sheet.replaceSync(arguments[0]);"
        "document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];",
        _FREEZE_CSS,
    )


@dataclass(frozen=True)
class _Key:
    key: str
    code: str
    key_code: int
    text: str = ""


_KEYS: dict[str, _Key] = {
    "Tab": _Key("Tab", "Tab", 9),
    "Enter": _Key("Enter", "Enter", 13, "\r"),
    "Escape": _Key("Escape", "Escape", 27),
    "Space": _Key(" ", "Space", 32, " "),
    "Backspace": _Key("Backspace", "Backspace", 8),
    "ArrowLeft": _Key("ArrowLeft", "ArrowLeft", 37),
    "ArrowUp": _Key("ArrowUp", "ArrowUp", 38),
    "ArrowRight": _Key("ArrowRight", "ArrowRight", 39),
    "ArrowDown": _Key("ArrowDown", "ArrowDown", 40),
    "Home": _Key("Home", "Home", 36),
    "End": _Key("End", "End", 35),
    "PageUp": _Key("PageUp", "PageUp", 33),
    "PageDown": _Key("PageDown", "PageDown", 34),
}
_SHIFT = 8


def press_key(driver: WebDriver, name: str, *, shift: bool = False) -> None:
    """Presses and releases one named key (``Tab``, ``Enter``, ``Escape``, ``Space``, arrows, ``Home``…)."""
    key = _KEYS.get(name)
    if key is None:
        raise ValueError(f"unknown key {name!r}; known: {', '.join(sorted(_KEYS))}")
    common = {
        "key": key.key,
        "code": key.code,
        "windowsVirtualKeyCode": key.key_code,
        "nativeVirtualKeyCode": key.key_code,
        "modifiers": _SHIFT if shift else 0,
    }
    connection = devtools(driver)
    if key.text:
        connection.call("Input.dispatchKeyEvent", {"type": "keyDown", "text": key.text, **common})
    else:
        connection.call("Input.dispatchKeyEvent", {"type": "rawKeyDown", **common})
    connection.call("Input.dispatchKeyEvent", {"type": "keyUp", **common})


def press_keys(driver: WebDriver, *names: str) -> None:
    """Presses several named keys one after another; ``"Shift+Tab"`` holds Shift for that key."""
    for name in names:
        shift = name.startswith("Shift+")
        press_key(driver, name.removeprefix("Shift+"), shift=shift)


def type_text(driver: WebDriver, text: str) -> None:
    """Types ``text`` into whatever has focus, one key event per character (so ``input`` events fire)."""
    connection = devtools(driver)
    for character in text:
        event = {"key": character, "text": character, "unmodifiedText": character}
        connection.call("Input.dispatchKeyEvent", {"type": "keyDown", **event})
        connection.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": character})


_DESCRIBE_ACTIVE = """
const element = document.activeElement;
if (!element || element === document.body || element === document.documentElement) { return null; }
const text = (element.getAttribute("aria-label") || element.innerText || element.value || "").trim();
return { tag: element.tagName.toLowerCase(), id: element.id, text: text.slice(0, 80),
         href: element.getAttribute("href") };
"""


def focused_element(driver: WebDriver) -> dict[str, str] | None:
    """Tag, id, visible text and href of the focused element, or ``None`` when nothing is focused."""
    return driver.execute_script(_DESCRIBE_ACTIVE)


def tab_to(driver: WebDriver, css_selector: str, *, max_steps: int = 200, shift: bool = False) -> None:
    """Presses Tab (or Shift+Tab) until the focused element matches ``css_selector``."""
    for _ in range(max_steps):
        press_key(driver, "Tab", shift=shift)
        if devtools(driver).run("return !!document.activeElement?.matches(arguments[0])", css_selector):
            return
    raise AssertionError(f"no element matching {css_selector!r} reached within {max_steps} Tab presses")


def type_into(driver: WebDriver, css_selector: str, text: str, *, by_keyboard: bool = True) -> None:
    """Moves focus to the input matching ``css_selector`` (by Tab, or by a click) and types ``text``."""
    if by_keyboard:
        tab_to(driver, css_selector)
    else:
        driver.find_element(By.CSS_SELECTOR, css_selector).click()
    type_text(driver, text)


T = TypeVar("T")


def wait_until(condition: Callable[[], T], *, timeout: float = 5.0, interval: float = 0.05, message: str = "") -> T:
    """Polls ``condition`` until it returns something truthy and returns that, or fails after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(message or f"condition not met within {timeout} s")
        time.sleep(interval)


_LIVE_REGION_TEXTS = """
const selector = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], output';
return Array.from(document.querySelectorAll(selector), (region) => region.textContent.replace(/\\s+/g, " ").trim())
  .filter((text) => text.length > 0);
"""


def live_region_texts(driver: WebDriver) -> list[str]:
    """The current text of every live region (``aria-live``, ``status``, ``alert``, ``log``, ``output``)."""
    return driver.execute_script(_LIVE_REGION_TEXTS)


def wait_for_live_text(driver: WebDriver, pattern: str, *, timeout: float = 5.0) -> str:
    """Waits until a live region's text matches the regular expression ``pattern`` and returns that text."""
    expression = re.compile(pattern)

    def matching_text() -> str | None:
        return next((text for text in live_region_texts(driver) if expression.search(text)), None)

    return wait_until(
        matching_text,
        timeout=timeout,
        message=f"no live region announced /{pattern}/ within {timeout} s; live regions: {live_region_texts(driver)}",
    )


def screenshot_region(driver: WebDriver, x: float, y: float, width: float, height: float) -> bytes:
    """PNG of a rectangle given in document coordinates (CSS pixels), as currently rendered.

    Encoded for speed (every row filtered "Up"), which ``portal_png.decode_png`` reads quickly.
    """
    result = devtools(driver).call(
        "Page.captureScreenshot",
        {
            "format": "png",
            "optimizeForSpeed": True,
            "clip": {"x": x, "y": y, "width": width, "height": height, "scale": 1},
        },
    )
    return base64.b64decode(result["data"])


def full_page_screenshot(driver: WebDriver) -> bytes:
    """PNG of the whole document at the current viewport width, however tall it is."""
    width, height = driver.execute_script(
        "const root = document.scrollingElement || document.documentElement;"
        "return [root.clientWidth, Math.max(root.scrollHeight, root.clientHeight)];"
    )
    result = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    return base64.b64decode(result["data"])
