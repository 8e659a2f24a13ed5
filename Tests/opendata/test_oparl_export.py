"""``daten/antraege.json`` and the OParl objects beside it, validated against the OParl 1.1 JSON Schemas.

The schemas (draft-07) are in ``Tests/Fixtures/oparl-schema/``; ``SOURCE.md`` there says where each comes
from. Besides the schemas, the tests check what the specification requires in prose: object lists with
``data``/``pagination``/``links``, no ``null`` values and no empty optional lists, every reference pointing at
an object that is published, every object retrievable under its id.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft7Validator

from opendata_sites import PAPERS_FILE, REPOSITORY_ROOT, Site
from oparl_schemas import (
    OPARL_NAMESPACE,
    error_report,
    format_checker,
    registry,
    schema_file_paths,
    validator,
    validator_for_document,
)

# The spec's own 1.1 example objects (copied from OParl/spec, see Tests/Fixtures/oparl/SOURCE.md).
SPEC_EXAMPLES = REPOSITORY_ROOT / "Tests" / "Fixtures" / "oparl"

# An OParl object list page (spec chapter "Objektlisten und Paginierung"): data, pagination and links are
# required; every pagination member is an optional integer; links.next is required on every page but the last.
OBJECT_LIST = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["data", "pagination", "links"],
    "properties": {
        "data": {"type": "array"},
        "pagination": {
            "type": "object",
            "properties": {
                name: {"type": "integer", "minimum": 0}
                for name in ("totalElements", "elementsPerPage", "currentPage", "totalPages")
            },
        },
        "links": {
            "type": "object",
            "properties": {
                name: {"type": "string", "format": "url"} for name in ("first", "prev", "self", "next", "last", "web")
            },
        },
    },
}


def papers(site: Site) -> list[dict[str, Any]]:
    return site.json(PAPERS_FILE)["data"]


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every value inside ``value`` with its JSON path, depth first."""
    yield path or "(root)", value
    if isinstance(value, dict):
        for key, member in value.items():
            yield from walk(member, f"{path}/{key}")
    elif isinstance(value, list):
        for position, member in enumerate(value):
            yield from walk(member, f"{path}/{position}")


def oparl_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every OParl object (a JSON object with an OParl ``type``) inside ``value``, the outer ones first."""
    for _, member in walk(value):
        if isinstance(member, dict) and str(member.get("type", "")).startswith(OPARL_NAMESPACE):
            yield member


def local_json(site: Site, url: str) -> Any:
    """The JSON document a URL of the site points at; fails when the URL is not the site's or not published."""
    path = site.local_path(url)
    assert path is not None, f"{url} is not an address of the site ({site.base_url})"
    assert path.is_file(), f"{url} points at {path}, which the build did not write"
    return json.loads(path.read_text(encoding="utf-8"))


def dereference(site: Site, url: str) -> dict[str, Any]:
    """The OParl object with id ``url``: the document itself, or the object with that id inside a list."""
    document = local_json(site, url)
    if document.get("id") == url:
        return document
    found = [item for item in oparl_objects(document) if item.get("id") == url]
    assert len(found) == 1, f"{url}: the document holds {len(found)} objects with this id, not 1"
    return found[0]


# ---------------------------------------------------------------------------------------------------
# The schemas themselves


@pytest.mark.parametrize("path", schema_file_paths(), ids=lambda path: path.name)
def test_schema_file_is_a_draft07_oparl_11_schema(path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert document["$id"] == OPARL_NAMESPACE + path.stem
    assert document["properties"]["type"] == {"type": "string", "const": OPARL_NAMESPACE + path.stem}
    Draft7Validator.check_schema(document)
    resolver = registry().resolver(base_uri=document["$id"])
    for where, value in walk(document):
        if isinstance(value, dict) and isinstance(value.get("$ref"), str):
            resolver.lookup(value["$ref"])  # raises for a reference the registry does not hold


def test_format_checks_run() -> None:
    """Formats are only checked when their checker is installed; a missing one must not pass silently."""
    checker = format_checker()
    for name in ("date", "date-time", "url"):
        assert name in checker.checkers, f"format '{name}' is not checked (is rfc3339-validator installed?)"
    assert not checker.conforms("2026-11-26T10:00:00", "date-time"), "a date-time without time zone passed"
    assert not checker.conforms("26.11.2026", "date")
    assert not checker.conforms("/antraege/", "url")


@pytest.mark.parametrize("name", ["Paper", "File", "Location"])
def test_spec_example_objects_are_valid(name: str) -> None:
    """The specification's own 1.1 examples pass the schemas of their type."""
    example = json.loads((SPEC_EXAMPLES / f"{name}-01.json").read_text(encoding="utf-8"))
    errors = list(validator(name).iter_errors(example))
    assert not errors, f"{name}-01.json:\n{error_report(errors)}"


def _broken(change) -> dict[str, Any]:
    paper = json.loads((SPEC_EXAMPLES / "Paper-01.json").read_text(encoding="utf-8"))
    change(paper)
    return paper


BROKEN_PAPERS = {
    "type of OParl 1.0": (lambda p: p.update(type="https://oparl.org/schema/1.0/Paper"), "type"),
    "no id": (lambda p: p.pop("id"), ""),
    "id not a URL": (lambda p: p.update(id="paper-749"), "id"),
    "German date": (lambda p: p.update(date="04.04.2014"), "date"),
    "date-time without time zone": (lambda p: p.update(modified="2013-01-08T12:05:27"), "modified"),
    "relative related paper": (lambda p: p.update(relatedPaper=["/paper/699"]), "relatedPaper/0"),
    "file without accessUrl": (lambda p: p["mainFile"].pop("accessUrl"), "mainFile"),
    "file size as text": (lambda p: p["mainFile"].update(size="82930"), "mainFile/size"),
    "consultation organization not a list": (
        lambda p: p["consultation"][0].update(organization="https://oparl.example.org/organization/96"),
        "consultation/0/organization",
    ),
    "consultation of OParl 1.0": (
        lambda p: p["consultation"][0].update(type="https://oparl.org/schema/1.0/Consultation"),
        "consultation/0/type",
    ),
    "authoritative as text": (lambda p: p["consultation"][0].update(authoritative="false"), "consultation/0/authoritative"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PAPERS))
def test_broken_paper_is_rejected(case: str) -> None:
    """The same validator setup that passes the export rejects a paper with one mistake, at that place."""
    change, where = BROKEN_PAPERS[case]
    errors = list(validator("Paper").iter_errors(_broken(change)))
    assert errors, f"a paper with '{case}' passed the schema"
    places = {"/".join(str(part) for part in error.absolute_path) for error in errors}
    assert where in places, f"'{case}' was rejected, but at {sorted(places)}, not at '{where}'"


# ---------------------------------------------------------------------------------------------------
# The export of every site under test


def test_paper_list_is_an_oparl_object_list(site: Site) -> None:
    document = site.json(PAPERS_FILE)
    errors = list(validator_for_document(OBJECT_LIST).iter_errors(document))
    assert not errors, error_report(errors)
    pagination = document["pagination"]
    assert pagination["totalElements"] == len(document["data"])
    assert pagination.get("totalPages", 1) == 1 and "next" not in document["links"], "one page holds every paper"


def test_every_paper_is_valid_oparl(site: Site) -> None:
    check = validator("Paper")
    failures = []
    for paper in papers(site):
        errors = list(check.iter_errors(paper))
        if errors:
            failures.append(f"{paper.get('reference', paper.get('id'))}:\n{error_report(errors)}")
    assert not failures, "\n".join(failures)


def test_every_embedded_object_is_valid_oparl(site: Site) -> None:
    """Files and consultations are checked through the paper's $refs; this names each one on its own."""
    failures = []
    for paper in papers(site):
        for item in oparl_objects(paper):
            name = item["type"].removeprefix(OPARL_NAMESPACE)
            if item is paper or name not in ("File", "Consultation", "Location"):
                continue
            errors = list(validator(name).iter_errors(item))
            if errors:
                failures.append(f"{item.get('id')}:\n{error_report(errors)}")
    assert not failures, "\n".join(failures)


def test_no_null_values_and_no_empty_optional_lists(site: Site) -> None:
    """Spec 'null-Werte und leere Listen': leave a property out rather than write null or []."""
    problems = []
    for paper in papers(site):
        for path, value in walk(paper):
            key = path.rsplit("/", 1)[-1]
            if ":" in key:
                continue  # vendor fields (portal:…, sessionnet:…) are not OParl's to rule
            if value is None or value == [] or value == "":
                problems.append(f"{paper['id']} {path}: {value!r}")
    assert not problems, "\n".join(problems)


def test_ids_are_unique(site: Site) -> None:
    ids = [item["id"] for paper in papers(site) for item in oparl_objects(paper)]
    duplicates = sorted({identifier for identifier in ids if ids.count(identifier) > 1})
    assert not duplicates, f"ids used more than once: {duplicates}"


def test_every_object_is_retrievable_under_its_id(site: Site) -> None:
    """Spec: every object must be retrievable under its id; here as a published file, or in a list file."""
    for paper in papers(site):
        for item in oparl_objects(paper):
            assert dereference(site, item["id"]) == item


def test_papers_name_their_body_and_the_body_is_published(site: Site) -> None:
    bodies = {paper.get("body") for paper in papers(site)}
    if not papers(site):
        pytest.skip("the site has no papers")
    assert None not in bodies, "a paper without body"
    assert len(bodies) == 1, f"papers of one site name different bodies: {sorted(bodies)}"
    body_url = bodies.pop()
    body = local_json(site, body_url)
    assert body["id"] == body_url and body["type"] == OPARL_NAMESPACE + "Body"
    assert body["name"].strip()
    assert body["paper"] == site.json(PAPERS_FILE)["links"]["self"], "Body.paper must be the list of the papers"
    for key, type_name in (("organization", "Organization"), ("person", "Person"), ("meeting", "Meeting")):
        listing = local_json(site, body[key])
        errors = list(validator_for_document(OBJECT_LIST).iter_errors(listing))
        assert not errors, f"Body.{key}:\n{error_report(errors)}"
        assert listing["links"]["self"] == body[key]
        for item in listing["data"]:
            assert item["type"] == OPARL_NAMESPACE + type_name
            assert item["body"] == body_url
            assert dereference(site, item["id"]) == item
    assert body["legislativeTerm"] == [], "the portal knows no legislative terms; the list is required, so empty"


def test_organization_references_resolve(site: Site) -> None:
    """originatorOrganization and consultation.organization name published Organization objects."""
    for paper in papers(site):
        references = list(paper.get("originatorOrganization", []))
        for consultation in paper.get("consultation", []):
            references += consultation.get("organization", [])
        for reference in references:
            organization = dereference(site, reference)
            assert organization["type"] == OPARL_NAMESPACE + "Organization", reference
            assert organization["name"].strip()


def test_related_papers_and_consultations_point_back(site: Site) -> None:
    ids = {paper["id"] for paper in papers(site)}
    for paper in papers(site):
        for related in paper.get("relatedPaper", []):
            assert related in ids, f"{paper['id']}: relatedPaper {related} is not in the list"
        for consultation in paper.get("consultation", []):
            assert consultation.get("paper", paper["id"]) == paper["id"]


def test_export_keeps_what_the_content_says(site: Site) -> None:
    """The OParl dates are the content's: a day-precise date as OParl date, never a made-up time."""
    for paper in papers(site):
        for key in ("created", "modified"):
            assert key not in paper, f"{paper['id']}: '{key}' would need a time the content does not know"
        assert ("date" in paper) != ("portal:date" in paper), f"{paper['id']}: exactly one of date, portal:date"


def test_broken_export_is_rejected(site: Site) -> None:
    """A deliberately broken copy of this site's first paper fails the same validator."""
    if not papers(site):
        pytest.skip("the site has no papers")
    paper = copy.deepcopy(papers(site)[0])
    paper["type"] = "https://schema.oparl.org/1.1/Papers"
    paper.pop("id")
    places = {"/".join(map(str, error.absolute_path)) for error in validator("Paper").iter_errors(paper)}
    assert {"", "type"} <= places
