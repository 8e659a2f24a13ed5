"""The Nu Html Checker finds no errors on any page (one Java run per site, mapped back to pages)."""

from portal_checks import describe


def test_nu_html_checker_finds_no_errors(page, nu_checkers):
    findings = nu_checkers[page.site].report().findings_for(page)
    assert not findings, describe(findings)
