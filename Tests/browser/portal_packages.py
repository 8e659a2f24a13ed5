"""Finding files inside installed Python packages without importing them."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_folder(package: str) -> Path:
    """The folder of an installed package, found without importing it (and so without its dependencies).

    ``axe_playwright_python`` is installed with ``--no-deps``: importing it would need Playwright,
    which the suite neither installs nor uses; only its ``axe.min.js`` is read.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"Python package {package!r} is not installed; run scripts/install-browser-deps")
    return Path(next(iter(spec.submodule_search_locations)))
