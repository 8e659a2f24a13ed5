"""Keyboard use of every page: a working skip link, no trap, and a visible focus at every stop."""

from portal_checks import check_focus_visible, check_keyboard_navigation, check_skip_link, describe


def test_first_tab_reaches_a_working_skip_link(browser, page, page_url):
    findings = check_skip_link(browser, page_url)
    assert not findings, describe(findings)


def test_tab_leaves_the_page_and_shift_tab_retraces_it(browser, page, page_url):
    findings = check_keyboard_navigation(browser, page_url)
    assert not findings, describe(findings)


def test_every_focus_stop_is_visibly_focused(browser, page, page_url):
    findings = check_focus_visible(browser, page_url)
    assert not findings, describe(findings)
