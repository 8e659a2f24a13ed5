"""Every page works without JavaScript: <main> shows its content, nothing asks for JavaScript."""

from portal_checks import check_without_javascript, describe
from portal_sites import javascript_notice_paths, matches_any


def test_main_shows_content_without_javascript(browser_without_javascript, page, page_url):
    notice_allowed = matches_any(page.url_path, javascript_notice_paths())
    findings = check_without_javascript(browser_without_javascript, page_url, notice_allowed=notice_allowed)
    assert not findings, describe(findings)
