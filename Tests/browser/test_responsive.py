"""Reflow at 320 CSS px on every page, and full-page screenshots of the main page types at three widths."""

import pytest

from portal_browser import DEFAULT_HEIGHT, DEFAULT_WIDTH, set_viewport
from portal_checks import SCREENSHOT_WIDTHS, check_no_horizontal_scroll, describe, save_full_page_screenshot


@pytest.fixture(autouse=True)
def _restore_viewport(browser):
    yield
    set_viewport(browser, DEFAULT_WIDTH, DEFAULT_HEIGHT)


def test_no_horizontal_scrolling_at_320_px(browser, page, page_url):
    findings = check_no_horizontal_scroll(browser, page_url)
    assert not findings, describe(findings)


@pytest.mark.parametrize("width", SCREENSHOT_WIDTHS)
def test_full_page_screenshot(browser, screenshot_page, width, servers, artifacts):
    destination = artifacts / "screenshots" / screenshot_page.site.name / str(width) / f"{screenshot_page.artifact_name}.png"
    url = servers[screenshot_page.site].url(screenshot_page.url_path)
    saved = save_full_page_screenshot(browser, url, width=width, destination=destination)
    header = saved.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{saved} is not a PNG"
    assert int.from_bytes(header[16:20], "big") == width, f"{saved} is not {width} px wide"
