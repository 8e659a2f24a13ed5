"""Every field the open-data files hold is documented in ``docs/offene-daten.md``, and every documented field
is written: the tables there cannot drift from what portal exports.

The tables are read as the authors read them: field names are the `backticked` words of a cell; words in
parentheses after a field are its members (``savings.expected`` / ``savings.realised`` (``hoursPerYear`` …));
vocabulary values are ``{ "id", "label" }`` objects, documented once in the text above the table.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest

from opendata_sites import PAPERS_FILE, REPOSITORY_ROOT, Site, load_yaml, sites_from_environment

SITES = sites_from_environment()

DOCUMENT = REPOSITORY_ROOT / "docs" / "offene-daten.md"
MEASURES_FILE = "daten/massnahmen.json"
CSV_FILE = "daten/massnahmen.csv"
VOCABULARY_KEYS = frozenset({"id", "label"})

_BACKTICKED = re.compile(r"`([^`]+)`")
_PARENTHESES = re.compile(r"\(([^()]*)\)")


def table(header_start: str) -> list[list[str]]:
    """The body rows of the Markdown table whose header row starts with ``header_start``, as cell lists."""
    lines = DOCUMENT.read_text(encoding="utf-8").splitlines()
    start = next(position for position, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def names(text: str) -> list[str]:
    return _BACKTICKED.findall(text)


def outside_parentheses(text: str) -> str:
    return _PARENTHESES.sub("", text)


# ---------------------------------------------------------------------------------------------------
# massnahmen.json and massnahmen.csv


def documented_measure_fields() -> dict[str, frozenset[str]]:
    """Documented field paths (``savings.expected``) with their documented members."""
    fields: dict[str, frozenset[str]] = {}
    for row in table("| JSON-Feld | CSV-Spalte |"):
        members = frozenset(name for group in _PARENTHESES.findall(row[0]) for name in names(group))
        if members == VOCABULARY_KEYS:
            members = frozenset()  # `area` (`id`, `label`): a vocabulary-shaped object
        for path in names(outside_parentheses(row[0])):
            fields[path] = members
    return fields


def is_vocabulary(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == VOCABULARY_KEYS


def exported_measure_fields(measure: dict[str, Any], prefix: str = "") -> dict[str, set[str]]:
    """Field paths of one exported measure with the member keys found under each."""
    fields: dict[str, set[str]] = {}
    for key, value in measure.items():
        path = prefix + key
        if isinstance(value, dict) and not is_vocabulary(value):
            fields.update(exported_measure_fields(value, path + ".") if all(
                isinstance(member, dict) and not is_vocabulary(member) for member in value.values()
            ) else {path: set(value)})
        elif isinstance(value, list) and any(isinstance(item, dict) and not is_vocabulary(item) for item in value):
            fields[path] = {member for item in value for member in item}
        else:
            fields[path] = set()
    return fields


def site_measure_fields(site: Site) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = {}
    for measure in site.json(MEASURES_FILE)["measures"]:
        for path, members in exported_measure_fields(measure).items():
            merged.setdefault(path, set()).update(members)
    return merged


def test_every_measure_field_is_documented(site: Site) -> None:
    documented = documented_measure_fields()
    problems = []
    for path, members in sorted(site_measure_fields(site).items()):
        if path not in documented:
            problems.append(f"{path} is exported but not in the table")
        elif not members <= documented[path]:
            problems.append(f"{path}: members {sorted(members - documented[path])} are not documented")
    assert not problems, "\n".join(problems)


def test_every_documented_measure_field_is_exported() -> None:
    exported: dict[str, set[str]] = {}
    for site in SITES:
        for path, members in site_measure_fields(site).items():
            exported.setdefault(path, set()).update(members)
    problems = []
    for path, members in sorted(documented_measure_fields().items()):
        if path not in exported:
            problems.append(f"{path} is documented but no site under test exports it")
        elif not members <= exported[path]:
            problems.append(f"{path}: documented members {sorted(members - exported[path])} are never exported")
    assert not problems, "\n".join(problems)


def test_measures_file_header_is_documented(site: Site) -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    sentence = text[text.index("Kopfdaten von `massnahmen.json`"):].split("\n\n", 1)[0]
    documented = {name for name in names(outside_parentheses(sentence)) if name != "massnahmen.json"}
    assert set(site.json(MEASURES_FILE)) == documented


def test_every_register_field_has_its_three_mappings() -> None:
    """Each row names the Algoritmeregister, ATRS and EU database equivalent, or '—' for none."""
    header = table("| JSON-Feld | CSV-Spalte |")
    for row in header:
        assert len(row) == 6, f"row {row[0]}: {len(row)} cells, expected 6"
        assert all(cell for cell in row[3:]), f"row {row[0]}: an empty register cell (write — for none)"


def site_language(site: Site) -> str:
    assert site.content is not None
    return str(load_yaml((site.content / "site.yml").read_text(encoding="utf-8")).get("language", "de"))


def test_csv_columns_are_the_documented_ones(site: Site) -> None:
    if site_language(site) != "de":
        pytest.skip("the documented column names are the German theme's")
    header = next(csv.reader(io.StringIO((site.root / CSV_FILE).read_text(encoding="utf-8"))))
    documented = [name for row in table("| JSON-Feld | CSV-Spalte |") for name in names(outside_parentheses(row[1]))]
    assert len(documented) == len(set(documented)), "a CSV column is documented twice"
    assert sorted(header) == sorted(documented), (
        f"columns not documented: {sorted(set(header) - set(documented))}; "
        f"documented but not written: {sorted(set(documented) - set(header))}"
    )


def test_at_least_one_german_site() -> None:
    """The CSV column check runs on German sites only; the suite must not pass without one."""
    assert any(site_language(site) == "de" for site in SITES)


# ---------------------------------------------------------------------------------------------------
# antraege.json


def documented_oparl_fields() -> dict[str, set[str]]:
    """Documented keys of a Paper (``Paper``) and of each embedded object type (``Consultation``, ``File``)."""
    keys: dict[str, set[str]] = {"Paper": set()}
    for first, second in (row[:2] for row in table("| OParl-Feld | Quelle im Inhalt |")):
        keys["Paper"].update(names(outside_parentheses(first)))
        embedded = re.search(r"je `(\w+)`:(.*)$", second)
        if embedded:
            keys.setdefault(embedded.group(1), set()).update(names(outside_parentheses(embedded.group(2))))
    return keys


def is_vendor_field(key: str) -> bool:
    return ":" in key and not key.startswith("portal:")


def exported_oparl_fields(site: Site) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {"Paper": set(), "Consultation": set(), "File": set()}
    for paper in site.json(PAPERS_FILE)["data"]:
        keys["Paper"].update(paper)
        for consultation in paper.get("consultation", []):
            keys["Consultation"].update(consultation)
        for file in [paper.get("mainFile")] + paper.get("auxiliaryFile", []):
            if file:
                keys["File"].update(file)
    return {kind: {key for key in found if not is_vendor_field(key)} for kind, found in keys.items()}


def test_every_oparl_field_is_documented(site: Site) -> None:
    documented = documented_oparl_fields()
    for kind, found in exported_oparl_fields(site).items():
        missing = found - documented.get(kind, set())
        assert not missing, f"{kind} fields exported but not documented in docs/offene-daten.md: {sorted(missing)}"


def test_every_documented_oparl_field_is_exported() -> None:
    exported: dict[str, set[str]] = {}
    for site in SITES:
        for kind, found in exported_oparl_fields(site).items():
            exported.setdefault(kind, set()).update(found)
    for kind, documented in documented_oparl_fields().items():
        missing = documented - exported.get(kind, set())
        assert not missing, f"{kind} fields documented but exported by no site under test: {sorted(missing)}"


def test_vendor_fields_are_documented_as_such() -> None:
    assert any("Herstellerfelder" in row[0] for row in table("| OParl-Feld | Quelle im Inhalt |"))
