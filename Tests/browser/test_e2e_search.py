"""End-to-end example on the fixture site: search with the keyboard only, hear the result count, open a hit.

This is the pattern for the portal's own flows (search, keyboard filters): open a page, reach a
control with Tab, type, wait for the live region's announcement, follow a result with Enter. The
helpers come from ``portal_browser``: ``open_page``, ``type_into``, ``press_key``, ``tab_to``,
``focused_element``, ``wait_for_live_text``, ``wait_until``.
"""

import pytest

from portal_browser import focused_element, new_chrome, open_page, press_key, tab_to, type_into, wait_for_live_text, wait_until
from portal_server import SiteServer
from portal_sites import DEFAULT_SITES_FOLDER

FIXTURE_SITE = DEFAULT_SITES_FOLDER / "musterstadt"


@pytest.fixture(scope="module")
def fixture_site():
    with SiteServer(FIXTURE_SITE) as server:
        yield server


@pytest.fixture(scope="module")
def keyboard_browser():
    driver = new_chrome()
    yield driver
    driver.quit()


def test_search_by_keyboard_announces_results_and_opens_one(keyboard_browser, fixture_site):
    driver = keyboard_browser
    open_page(driver, fixture_site.url("/suche/"))

    type_into(driver, "#suchbegriff", "Bürgerservice chatbot")
    announcement = wait_for_live_text(driver, r"für „Bürgerservice chatbot“$")
    assert announcement == "1 Ergebnis für „Bürgerservice chatbot“"

    tab_to(driver, "#suchergebnisse a")
    assert focused_element(driver)["text"] == "KI-Assistenz im Bürgerservice (Chatbot)"
    press_key(driver, "Enter")

    wait_until(lambda: driver.current_url.endswith("/massnahmen/ki-assistenz-buergerservice/"), message="Enter did not follow the result")
    heading = driver.execute_script("return document.querySelector('h1').textContent")
    assert heading == "KI-Assistenz im Bürgerservice (Chatbot)"


def test_search_announces_when_nothing_matches(keyboard_browser, fixture_site):
    driver = keyboard_browser
    open_page(driver, fixture_site.url("/suche/"))
    type_into(driver, "#suchbegriff", "Blockchain")
    press_key(driver, "Enter")
    assert wait_for_live_text(driver, "Blockchain") == "0 Ergebnisse für „Blockchain“"
    assert driver.execute_script("return document.querySelectorAll('#suchergebnisse li').length") == 0
