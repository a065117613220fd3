"""Today's docs (../shared/superoffice-docs-current): what a user regenerating from SuperOffice's
site as it is now gets.

The site documents Services88 only, as pages; Services84 to Services87 only as WSDLs in its
downloads/wsdl.zip, and the WebAPI agents only as OpenAPI JSON. The counts here are taken
straight from those files (a regular expression over the zip's WSDLs, json over the specs),
not from the generator's readers.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import soap_cases
from conftest import ALL_VERSIONS, CURRENT_PACKAGE, ROOT, Generated


def zip_operation_counts(current: Path) -> dict[str, int]:
    """Operations per version, counted in the portTypes of the zip's WSDLs."""
    counts: Counter[str] = Counter()
    for (version, _), operations in soap_cases.zip_operations(current).items():
        counts[version] += len(operations)
    return dict(counts)


def openapi_endpoints(current: Path) -> set[str]:
    """Every agent endpoint path of the OpenAPI specs."""
    found = set()
    for spec in (current / "endpoints" / "agents-webapi" / "reference").glob("*.json"):
        for path, item in json.loads(spec.read_text(encoding="utf-8"))["paths"].items():
            if path.startswith("/api/v1/Agents/") and "post" in item:
                found.add(path)
    return found


def generated_operation_counts(package: str) -> dict[str, int]:
    """Operations per version, counted as the Operation objects of the generated modules."""
    soap = importlib.import_module(f"{package}._runtime.soap")
    counts: dict[str, int] = {}
    for version in ALL_VERSIONS:
        module = importlib.import_module(f"{package}.{version.lower()}")
        total = 0
        for info in pkgutil.iter_modules(module.__path__):
            if info.name.startswith("_") or info.name in ("types", "testing"):
                continue
            service = importlib.import_module(f"{module.__name__}.{info.name}")
            total += sum(1 for value in vars(service).values() if isinstance(value, soap.Operation))
        counts[version] = total
    return counts


def test_todays_docs_give_every_version_and_the_webapi(generated_current: Generated, current: Path) -> None:
    summary = generated_current.summary
    assert summary["versions"] == 5
    counts = generated_operation_counts(CURRENT_PACKAGE)
    from_zip = zip_operation_counts(current)
    for version in ("Services84", "Services85", "Services86", "Services87"):
        assert counts[version] == from_zip[version], version
    # the zip's Services88 WSDLs are newer than the pages (2026-07 against 2026-04) and win
    assert counts["Services88"] == from_zip["Services88"] >= 1964
    # the agents, and the entity operations but the 8 multipart image uploads (J017)
    assert len(openapi_endpoints(current)) == 1805
    assert summary["endpoints"] == 1805 + 1277 - 8


def test_the_sites_own_front_matter_gives_no_warning(generated_current: Generated) -> None:
    front_matter = [d for d in generated_current.diagnostics if d["code"] == "P006"]
    assert front_matter == []


def test_nothing_of_todays_docs_is_an_error(generated_current: Generated) -> None:
    errors = [d for d in generated_current.diagnostics if d["severity"] == "error"]
    assert errors == []


def test_every_file_of_todays_docs_is_read_none_skipped(generated_current: Generated, current: Path) -> None:
    """Pages, specs (agents and RESTful entities alike) and the zip all give something; what a
    skipped file looks like is tests/test_docs_sources.py's."""
    skipped = dict(generated_current.summary["skipped"])  # type: ignore[arg-type]
    entity_specs = {p.relative_to(current).as_posix() for p in (current / "endpoints" / "rest-webapi").rglob("*.json")}
    assert len(entity_specs) == 50 and not entity_specs & set(skipped)  # the RESTful entity specs are generated
    assert "SOURCE.md" not in skipped  # read (a page of kind "other"), not skipped
    assert skipped == {}
    # every file but the hidden ones (a .markdownlint.yml), which the generator leaves out as it does .git
    visible = [p for p in current.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(current).parts)]
    assert generated_current.summary["pages_read"] == len(visible)


def test_every_module_of_the_package_from_todays_docs_imports(generated_current: Generated) -> None:
    package = importlib.import_module(CURRENT_PACKAGE)
    names = [m.name for m in pkgutil.walk_packages(package.__path__, CURRENT_PACKAGE + ".")]
    for name in names:
        importlib.import_module(name)
    assert f"{CURRENT_PACKAGE}.webapi" in names
    assert {f"{CURRENT_PACKAGE}.{v.lower()}" for v in ALL_VERSIONS} <= set(names)


def test_the_documented_examples_of_todays_services88_round_trip(generated_current: Generated) -> None:
    """tests/test_examples_roundtrip.py again, on today's Services88 pages (a child pytest, since
    its fixtures are the corpus' own)."""
    environment = dict(os.environ, CODEGEN_TEST_CORPUS="current")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_examples_roundtrip.py"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"\b3 passed\b", result.stdout), result.stdout[-2000:]


@pytest.mark.parametrize("with_stubs", [True, False], ids=["stubs", "implementation"])
def test_the_package_from_todays_docs_passes_mypy_strict(generated_current: Generated, tmp_path: Path, with_stubs: bool) -> None:
    from test_typing import mypy

    folder = generated_current.path
    if not with_stubs:
        import shutil

        folder = tmp_path / "impl"
        shutil.copytree(generated_current.path, folder, ignore=shutil.ignore_patterns("*.pyi"))
    status, output = mypy("-p", CURRENT_PACKAGE, cwd=folder)
    assert status == 0, output[-6000:]
