"""The OParl 1.1 JSON Schemas (``Tests/Fixtures/oparl-schema/``) as ready validators.

The schemas refer to each other relatively (``"$ref": "File.json"`` inside
``https://schema.oparl.org/1.1/Paper``), so every schema is registered in a ``referencing`` registry under its
``$id`` and under the address such a reference resolves to. Nothing is fetched from the network: a reference
the registry does not hold is an error.

Formats are checked where jsonschema can (``date``, ``date-time`` with rfc3339-validator, ``email`` …), plus
OParl's own ``url`` format, which JSON Schema does not define: an absolute http(s) URL.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jsonschema import Draft7Validator, FormatChecker
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from opendata_sites import REPOSITORY_ROOT, is_absolute_web_url

SCHEMA_FOLDER = REPOSITORY_ROOT / "Tests" / "Fixtures" / "oparl-schema"
OPARL_NAMESPACE = "https://schema.oparl.org/1.1/"


def _schema_documents() -> dict[str, dict[str, Any]]:
    """Every schema file by file name (``Paper.json`` …)."""
    documents = {}
    for path in sorted(SCHEMA_FOLDER.glob("*.json")):
        documents[path.name] = json.loads(path.read_text(encoding="utf-8"))
    return documents


@cache
def registry() -> Registry:
    """The OParl schemas under their ``$id`` and under ``<$id folder>/<file name>`` (relative ``$ref``s)."""
    resources: list[tuple[str, Resource]] = []
    for name, document in _schema_documents().items():
        resource = Resource.from_contents(document, default_specification=DRAFT7)
        resources.append((document["$id"], resource))
        resources.append((urljoin(document["$id"], name), resource))
    return Registry().with_resources(resources)


@cache
def format_checker() -> FormatChecker:
    """Draft-07 format checks plus OParl's ``url``."""
    checker = FormatChecker(formats=())
    checker.checkers = dict(Draft7Validator.FORMAT_CHECKER.checkers)

    @checker.checks("url")
    def is_url(instance: object) -> bool:
        return not isinstance(instance, str) or is_absolute_web_url(instance)

    return checker


def schema(name: str) -> dict[str, Any]:
    """The schema document of an OParl type, such as ``Paper``."""
    return _schema_documents()[f"{name}.json"]


def validator(name: str) -> Validator:
    """A validator for the OParl type ``name`` (``Paper``) with the registry and format checks."""
    document = schema(name)
    cls = validator_for(document)
    return cls(document, registry=registry(), format_checker=format_checker())


def validator_for_document(document: dict[str, Any]) -> Validator:
    """A validator for any schema that refers to the OParl schemas by their ``$id``."""
    cls = validator_for(document, default=Draft7Validator)
    return cls(document, registry=registry(), format_checker=format_checker())


def error_report(errors: list, limit: int = 20) -> str:
    """Validation errors as readable lines: where in the instance, what is wrong, and which schema rule."""
    lines = []
    for error in sorted(errors, key=lambda e: (list(e.absolute_path), e.message))[:limit]:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        rule = "/".join(str(part) for part in error.absolute_schema_path)
        message = error.message if len(error.message) <= 300 else error.message[:300] + " …"
        lines.append(f"  at {where}: {message}  [schema {rule}]")
    if len(errors) > limit:
        lines.append(f"  … and {len(errors) - limit} more")
    return "\n".join(lines)


def schema_file_paths() -> list[Path]:
    return sorted(SCHEMA_FOLDER.glob("*.json"))
