"""Shared parametrisation of the open-data suite: tests that take ``site`` run once per built site, tests
that take ``content_file`` once per author-written file of the sites' content folders."""

from __future__ import annotations

import pytest

from opendata_sites import ContentFile, Site, content_files, sites_from_environment

SITES: list[Site] = sites_from_environment()
CONTENT_FILES: list[ContentFile] = [file for site in SITES for file in content_files(site)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "site" in metafunc.fixturenames:
        metafunc.parametrize("site", SITES, ids=[site.name for site in SITES])
    if "content_file" in metafunc.fixturenames:
        metafunc.parametrize("content_file", CONTENT_FILES, ids=[file.test_id for file in CONTENT_FILES])
