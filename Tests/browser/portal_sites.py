"""Which sites and pages the browser suite tests, and the settings that come from the environment.

Environment variables (all optional):

- ``PORTAL_TEST_SITES``: colon-separated folders of built sites. Default: every folder under
  ``Tests/Fixtures/browser/sites/``.
- ``PORTAL_SCREENSHOT_PATHS``: colon-separated URL paths (``fnmatch`` patterns allowed, e.g.
  ``/massnahmen/*/``) of pages to screenshot in addition to each site's first page.
- ``PORTAL_JS_NOTICE_PATHS``: colon-separated URL paths of pages that may say they need JavaScript
  (default ``/suche/:/search/``, the search page).
- ``PORTAL_ARTIFACTS_DIR``: where screenshots and the timing report go (default ``<repo>/artifacts``).
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPOSITORY_ROOT / "Tests" / "Fixtures" / "browser"
DEFAULT_SITES_FOLDER = FIXTURES / "sites"
BROKEN_SITE = FIXTURES / "broken"

DEFAULT_JS_NOTICE_PATHS = ("/suche/", "/search/")


@dataclass(frozen=True, order=True)
class Site:
    """A folder of built static files, served at the root of its own local server."""

    name: str
    root: Path


@dataclass(frozen=True, order=True)
class Page:
    """One HTML file of a site and the URL path the server answers it under."""

    site: Site
    file: str
    """Path of the HTML file relative to the site root, with forward slashes."""
    url_path: str
    """``/`` for ``index.html``, ``/a/`` for ``a/index.html``, ``/a/b.html`` otherwise."""

    @property
    def test_id(self) -> str:
        """The id pytest shows for tests of this page: ``<site><url path>``."""
        return f"{self.site.name}{self.url_path}"

    @property
    def artifact_name(self) -> str:
        """A flat file name for artifacts of this page: ``index`` for ``/``, ``a__b`` for ``/a/b/``."""
        stem = self.url_path.strip("/")
        if stem.endswith(".html"):
            stem = stem[: -len(".html")]
        return stem.replace("/", "__") or "index"


def url_path_for(relative_file: str) -> str:
    """The URL path a static server answers for an HTML file at ``relative_file``."""
    if relative_file == "index.html":
        return "/"
    if relative_file.endswith("/index.html"):
        return "/" + relative_file[: -len("index.html")]
    return "/" + relative_file


def discover_pages(site: Site) -> list[Page]:
    """Every ``*.html`` file of the site, sorted so the start page comes first and the rest by URL path."""
    files = sorted(path.relative_to(site.root).as_posix() for path in site.root.rglob("*.html") if path.is_file())
    pages = [Page(site=site, file=file, url_path=url_path_for(file)) for file in files]
    return sorted(pages, key=lambda page: (page.url_path != "/", page.url_path))


def sites_from_folders(folders: list[Path]) -> list[Site]:
    """Sites named after their folders; a repeated folder name gets ``-2``, ``-3``… so names stay unique."""
    sites: list[Site] = []
    used: set[str] = set()
    for folder in folders:
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", folder.resolve().name) or "site"
        name, counter = base, 2
        while name in used:
            name, counter = f"{base}-{counter}", counter + 1
        used.add(name)
        sites.append(Site(name=name, root=folder.resolve()))
    return sites


def sites_from_environment() -> list[Site]:
    """The sites named by ``PORTAL_TEST_SITES``, or the good fixture sites when it is unset or empty."""
    configured = os.environ.get("PORTAL_TEST_SITES", "").strip()
    if configured:
        folders = [Path(entry).expanduser() for entry in configured.split(":") if entry.strip()]
        missing = [str(folder) for folder in folders if not folder.is_dir()]
        if missing:
            raise FileNotFoundError(f"PORTAL_TEST_SITES names folders that do not exist: {', '.join(missing)}")
    else:
        folders = sorted(path for path in DEFAULT_SITES_FOLDER.iterdir() if path.is_dir())
    return sites_from_folders(folders)


def _colon_list(variable: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
    value = os.environ.get(variable)
    if value is None:
        return default
    return tuple(entry.strip() for entry in value.split(":") if entry.strip())


def screenshot_patterns() -> tuple[str, ...]:
    """URL path patterns from ``PORTAL_SCREENSHOT_PATHS``."""
    return _colon_list("PORTAL_SCREENSHOT_PATHS")


def javascript_notice_paths() -> tuple[str, ...]:
    """URL path patterns of pages allowed to say that they need JavaScript."""
    return _colon_list("PORTAL_JS_NOTICE_PATHS", DEFAULT_JS_NOTICE_PATHS)


def matches_any(url_path: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``url_path`` equals or ``fnmatch``-matches one of ``patterns``."""
    return any(url_path == pattern or fnmatch.fnmatchcase(url_path, pattern) for pattern in patterns)


def screenshot_pages(pages_by_site: dict[Site, list[Page]], patterns: tuple[str, ...]) -> list[Page]:
    """Each site's first page plus every page whose URL path matches one of ``patterns``."""
    chosen: list[Page] = []
    for site in sorted(pages_by_site):
        pages = pages_by_site[site]
        for index, page in enumerate(pages):
            if index == 0 or matches_any(page.url_path, patterns):
                chosen.append(page)
    return chosen


def artifacts_directory() -> Path:
    """Where the suite writes screenshots and reports (``PORTAL_ARTIFACTS_DIR`` or ``<repo>/artifacts``)."""
    configured = os.environ.get("PORTAL_ARTIFACTS_DIR", "").strip()
    return Path(configured).expanduser().resolve() if configured else REPOSITORY_ROOT / "artifacts"
