"""Which built sites and content folders the open-data suite checks, and how it reads them.

Environment variables:

- ``PORTAL_TEST_SITES``: colon-separated folders of built sites (as for ``Tests/browser``). Default: every
  folder under ``.build/test-sites/`` (where ``scripts/test`` builds the example, full and injection sites).
- ``PORTAL_TEST_CONTENT``: colon-separated content folders, one per site in the same order, for the checks
  of the authors' files against the editor schemas. Default: a site folder named ``example`` is built from
  ``content/``, any other name ``<name>`` from ``Tests/Fixtures/sites/<name>/``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SITES_FOLDER = REPOSITORY_ROOT / ".build" / "test-sites"
FIXTURE_SITES_FOLDER = REPOSITORY_ROOT / "Tests" / "Fixtures" / "sites"
EXAMPLE_CONTENT = REPOSITORY_ROOT / "content"

# The open-data file of the council papers, relative to the site root.
PAPERS_FILE = "daten/antraege.json"


@dataclass(frozen=True, order=True)
class Site:
    """A built site and, when known, the content folder it was built from."""

    name: str
    root: Path
    content: Path | None

    def json(self, relative_path: str) -> Any:
        """The parsed JSON file at ``relative_path`` below the site root."""
        return json.loads((self.root / relative_path).read_text(encoding="utf-8"))

    @property
    def base_url(self) -> str:
        """The base URL the site was built for, with a trailing slash, from the OParl list's ``links.self``."""
        own_url = self.json(PAPERS_FILE)["links"]["self"]
        if not own_url.endswith(PAPERS_FILE):
            raise AssertionError(f"{self.name}: links.self of {PAPERS_FILE} is {own_url!r}, not the file's own URL")
        return own_url[: -len(PAPERS_FILE)]

    def local_path(self, url: str) -> Path | None:
        """The file a URL of this site points at (without its fragment), or None for another site's URL."""
        base = self.base_url
        address = url.split("#", 1)[0]
        if not address.startswith(base):
            return None
        relative = address[len(base):]
        path = self.root / relative
        return path / "index.html" if relative == "" or relative.endswith("/") else path


def _folders(variable: str) -> list[Path] | None:
    configured = os.environ.get(variable, "").strip()
    if not configured:
        return None
    return [Path(entry).expanduser().resolve() for entry in configured.split(":") if entry.strip()]


def _default_content(site_folder: Path) -> Path | None:
    if site_folder.name == "example":
        return EXAMPLE_CONTENT
    candidate = FIXTURE_SITES_FOLDER / site_folder.name
    return candidate if candidate.is_dir() else None


def sites_from_environment() -> list[Site]:
    """The sites to check; raises when none are found, so that an empty run cannot pass."""
    folders = _folders("PORTAL_TEST_SITES")
    if folders is None:
        folders = sorted(path.resolve() for path in DEFAULT_SITES_FOLDER.glob("*") if path.is_dir())
    missing = [str(folder) for folder in folders if not (folder / PAPERS_FILE).is_file()]
    if missing:
        raise FileNotFoundError(f"not built sites (no {PAPERS_FILE}): {', '.join(missing)}")
    if not folders:
        raise FileNotFoundError(
            f"no sites to check: set PORTAL_TEST_SITES or build them into {DEFAULT_SITES_FOLDER} (see scripts/test)"
        )
    contents = _folders("PORTAL_TEST_CONTENT")
    if contents is not None and len(contents) != len(folders):
        raise ValueError("PORTAL_TEST_CONTENT must name one content folder per site in PORTAL_TEST_SITES")
    sites = []
    for position, folder in enumerate(folders):
        content = contents[position] if contents is not None else _default_content(folder)
        if content is not None and not (content / "site.yml").is_file():
            raise FileNotFoundError(f"{content} is not a content folder (no site.yml)")
        name = folder.name if folder.name not in {site.name for site in sites} else f"{folder.name}-{position + 1}"
        sites.append(Site(name=name, root=folder, content=content))
    return sites


# ---------------------------------------------------------------------------------------------------
# YAML as editors read it. The yaml-language-server (VS Code and others) reads YAML 1.2: `2025-05-08`
# is a string and `yes` is not a boolean. PyYAML reads YAML 1.1, so the two resolvers that differ are
# replaced; everything else (integers, floats, null) is the same for the files portal reads.

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOLEAN = "tag:yaml.org,2002:bool"


class EditorYAMLLoader(yaml.SafeLoader):
    """A safe loader with YAML 1.2 core-schema booleans and without timestamps."""


EditorYAMLLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_TIMESTAMP, _BOOLEAN)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorYAMLLoader.add_implicit_resolver(_BOOLEAN, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^---[ \t]*\r?$", re.DOTALL | re.MULTILINE)


def load_yaml(text: str) -> Any:
    """The YAML document in ``text``, read as an editor reads it."""
    return yaml.load(text, Loader=EditorYAMLLoader)


def front_matter(text: str) -> Any:
    """The parsed front matter of a Markdown file (an empty mapping when the file has none)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}
    parsed = load_yaml(match.group(1))
    return {} if parsed is None else parsed


# Content files and the editor schema each one is written against, by path pattern below the content folder.
CONTENT_FILE_SCHEMAS: dict[str, str] = {
    "site.yml": "site.schema.json",
    "bodies.yml": "bodies.schema.json",
    "partners.yml": "partners.schema.json",
    "motions/*.md": "motion.schema.json",
    "measures/*.md": "measure.schema.json",
    "updates/*.md": "update.schema.json",
    "pages/*.md": "page.schema.json",
}

# The YAML files an editor can check with a `# yaml-language-server: $schema=…` first line (front matter in
# Markdown files is not a YAML document of its own, so the line does nothing there).
YAML_DATA_FILES = ("site.yml", "bodies.yml", "partners.yml")


@dataclass(frozen=True, order=True)
class ContentFile:
    """One author-written file of a content folder and the editor schema that describes it."""

    site: Site
    relative_path: str
    schema_name: str

    @property
    def test_id(self) -> str:
        return f"{self.site.name}/{self.relative_path}"

    def data(self) -> Any:
        """The file's YAML: the whole file for ``.yml``, the front matter for ``.md``."""
        assert self.site.content is not None
        text = (self.site.content / self.relative_path).read_text(encoding="utf-8")
        return load_yaml(text) if self.relative_path.endswith(".yml") else front_matter(text)


def content_files(site: Site) -> list[ContentFile]:
    """Every file of the site's content folder that an editor schema describes."""
    if site.content is None:
        return []
    files = []
    for pattern, schema_name in CONTENT_FILE_SCHEMAS.items():
        for path in sorted(site.content.glob(pattern)):
            files.append(ContentFile(site, path.relative_to(site.content).as_posix(), schema_name))
    return files


def is_absolute_web_url(value: str) -> bool:
    """Whether ``value`` is an absolute http(s) URL with a host and no white space."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)
