"""The editor schemas every site publishes under ``/schemas/``, checked from the other side.

portal generates the JSON Schemas from the same definitions its loader validates with (``ContentSchemas``);
the Swift tests check that generation. Here the published files are read as an editor reads them: each must be
a valid schema of the draft it declares, and every file of the content folders the sites were built from —
which ``portal build`` accepted — must pass its schema. A schema that rejects a file portal accepts, or the other
way round for the mistakes below, means the two have drifted apart.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from jsonschema.validators import validator_for

from opendata_sites import (
    CONTENT_FILE_SCHEMAS,
    EXAMPLE_CONTENT,
    YAML_DATA_FILES,
    ContentFile,
    Site,
    front_matter,
    load_yaml,
)
from oparl_schemas import error_report, format_checker

KNOWN_DRAFTS = {
    "http://json-schema.org/draft-04/schema#",
    "http://json-schema.org/draft-06/schema#",
    "http://json-schema.org/draft-07/schema#",
    "https://json-schema.org/draft/2019-09/schema",
    "https://json-schema.org/draft/2020-12/schema",
}

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


def editor_schema(site: Site, name: str) -> dict[str, Any]:
    return site.json(f"schemas/{name}")


def schema_validator(site: Site, name: str):
    document = editor_schema(site, name)
    return validator_for(document)(document, format_checker=format_checker())


def site_base_url(site: Site) -> str:
    """``baseURL`` of the site's ``site.yml``, without a trailing slash."""
    assert site.content is not None
    return str(load_yaml((site.content / "site.yml").read_text(encoding="utf-8"))["baseURL"]).rstrip("/")


def test_every_content_file_type_has_a_published_schema(site: Site) -> None:
    published = sorted(path.name for path in (site.root / "schemas").glob("*.schema.json"))
    assert published == sorted(set(CONTENT_FILE_SCHEMAS.values())), (
        "the published editor schemas and the content file types of this suite differ; map the new type in "
        "opendata_sites.CONTENT_FILE_SCHEMAS"
    )


@pytest.mark.parametrize("name", sorted(set(CONTENT_FILE_SCHEMAS.values())))
def test_editor_schema_is_a_valid_schema_of_its_draft(site: Site, name: str) -> None:
    document = editor_schema(site, name)
    assert document.get("$schema") in KNOWN_DRAFTS, f"{name} declares the unknown draft {document.get('$schema')!r}"
    validator_for(document).check_schema(document)
    assert document["$id"] == site.base_url + "schemas/" + name, "the $id must be the file's own address"


def test_content_file_matches_its_editor_schema(content_file: ContentFile) -> None:
    validator = schema_validator(content_file.site, content_file.schema_name)
    errors = list(validator.iter_errors(content_file.data()))
    assert not errors, f"{content_file.relative_path} (accepted by portal build):\n{error_report(errors)}"


def test_every_sites_content_was_checked(site: Site) -> None:
    """The drift check needs the content folder; a site without one would check nothing."""
    assert site.content is not None, f"{site.name}: no content folder known; set PORTAL_TEST_CONTENT"


# Mistakes portal's loader reports as errors; each must fail the editor schema too.
def _example_measure() -> dict[str, Any]:
    path = sorted((EXAMPLE_CONTENT / "measures").glob("*.md"))[0]
    return front_matter(path.read_text(encoding="utf-8"))


MEASURE_MISTAKES = {
    "status not in the vocabulary": lambda m: m.update(status="piloot"),
    "title missing": lambda m: m.pop("title"),
    "date in German form": lambda m: m.update(updated="14.11.2025"),
    "unknown key": lambda m: m.update(titel="Tippfehler"),
    "list where text belongs": lambda m: m.update(summary=["eins", "zwei"]),
}


@pytest.mark.parametrize("mistake", sorted(MEASURE_MISTAKES))
def test_editor_schema_rejects_a_mistake(site: Site, mistake: str) -> None:
    measure = _example_measure()
    validator = schema_validator(site, "measure.schema.json")
    assert not list(validator.iter_errors(measure)), "the unchanged example measure must pass"
    broken = copy.deepcopy(measure)
    MEASURE_MISTAKES[mistake](broken)
    assert list(validator.iter_errors(broken)), f"a measure with '{mistake}' passed measure.schema.json"


# A minimal valid entry of each list file.
LIST_ENTRIES = {
    "bodies": {"id": "rat", "name": "Rat", "organizationType": "Gremium", "classification": "council"},
    "partners": {"id": "hochschule", "name": "Hochschule", "type": "university", "role": "cooperation"},
}

# The forms of a list file, made from the file's key and one valid entry; True where the loader accepts it.
LIST_FILE_FORMS = {
    "a bare list": (lambda key, entry: [entry], True),
    "the list under its key": (lambda key, entry: {key: [entry]}, True),
    "an empty list under its key, with an x- key": (lambda key, entry: {key: [], "x-note": "frei"}, True),
    "an empty file": (lambda key, entry: None, True),
    "a misspelt key": (lambda key, entry: {key + "s": [entry]}, False),
    "a second list beside it": (lambda key, entry: {key: [entry], "other": [entry]}, False),
    "text instead of a list": (lambda key, entry: {key: entry["name"]}, False),
    "an entry that is no mapping": (lambda key, entry: [entry["id"]], False),
}


@pytest.mark.parametrize("key", sorted(LIST_ENTRIES))
@pytest.mark.parametrize("form", sorted(LIST_FILE_FORMS))
def test_list_file_forms(site: Site, key: str, form: str) -> None:
    """bodies.yml and partners.yml may be a bare list or hold it under `bodies:`/`partners:`, as the loader says."""
    make, accepted = LIST_FILE_FORMS[form]
    errors = list(schema_validator(site, f"{key}.schema.json").iter_errors(make(key, dict(LIST_ENTRIES[key]))))
    assert (not errors) == accepted, f"{key}.yml as {form}: " + ("rejected:\n" + error_report(errors) if errors else "accepted")


def test_yaml_files_name_their_own_schema(site: Site) -> None:
    """A `# yaml-language-server: $schema=…` line must name this site's schema for this file type."""
    assert site.content is not None
    base = site_base_url(site)
    wrong = []
    for name in YAML_DATA_FILES:
        path = site.content / name
        if not path.is_file():
            continue
        first_line = path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n", 1)[0]
        match = SCHEMA_LINE.match(first_line)
        if match and match.group(1) != f"{base}/schemas/{CONTENT_FILE_SCHEMAS[name]}":
            wrong.append(f"{name}: {match.group(1)}, expected {base}/schemas/{CONTENT_FILE_SCHEMAS[name]}")
    assert not wrong, "\n".join(wrong)


def test_example_yaml_files_carry_the_schema_line() -> None:
    """The example content shows authors the line docs/README.md describes, in every YAML file."""
    missing = []
    for name in YAML_DATA_FILES:
        first_line = (EXAMPLE_CONTENT / name).read_text(encoding="utf-8").split("\n", 1)[0]
        if not SCHEMA_LINE.match(first_line):
            missing.append(name)
    assert not missing, f"content/{', content/'.join(missing)} lack(s) the first line '# yaml-language-server: $schema=…'"


def test_editor_loader_reads_yaml_as_editors_do() -> None:
    """Dates stay text and `yes` is no boolean (YAML 1.2), or the schema checks would test something else."""
    parsed = load_yaml("date: 2025-05-08\nflag: yes\nother: true\nnumber: 3\n")
    assert parsed == {"date": "2025-05-08", "flag": "yes", "other": True, "number": 3}
    assert json.dumps(parsed)  # plain JSON types only
