#!/usr/bin/env python3
"""Generates casefold.json: every code point whose full case folding (Unicode CaseFolding.txt, statuses C and F,
as implemented by Python's str.casefold) differs from its plain lowercase mapping.

Both analysers (Sources/PortalSearch/CaseFolding.swift and templates/static/js/search/analysis.js) fold a code point
as "table entry if there is one, else lowercase mapping"; their tables hold these entries (Cherokee by rule), and
the Swift and Node tests check every entry of casefold.json against them.

Run: python3 Tests/Fixtures/search/generate-casefold.py > Tests/Fixtures/search/casefold.json
"""
import json
import sys
import unicodedata

folds = {}
for code_point in range(0x110000):
    if 0xD800 <= code_point <= 0xDFFF:
        continue
    character = chr(code_point)
    if character.casefold() != character.lower():
        folds[f"{code_point:04X}"] = character.casefold()

json.dump(
    {
        "source": "Python str.casefold() vs str.lower(), Unicode " + unicodedata.unidata_version,
        "folds": folds,
    },
    sys.stdout,
    ensure_ascii=True,
    indent=1,
    sort_keys=True,
)
sys.stdout.write("\n")
