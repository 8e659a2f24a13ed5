"""Every page loads only from its own server, every request succeeds, and the console stays clean."""

from portal_checks import console_findings, describe, load_and_record, network_findings


def test_requests_stay_local_and_succeed(recording_browser, page, page_url, servers):
    load = load_and_record(recording_browser, page_url)
    findings = network_findings(load, origin=servers[page.site].origin)
    assert not findings, describe(findings)


def test_no_console_errors(recording_browser, page, page_url):
    load = load_and_record(recording_browser, page_url)
    findings = console_findings(load)
    assert not findings, describe(findings)
