"""Shared fixtures: the real docs corpus, its model, and the package generated from it.

Generating all five versions takes a minute or two, so it happens once per test session
(and is reused between local runs while codegen/ and templates/ are unchanged: the cache key
is a hash of their sources and of the corpus' file list and sizes).
"""

from __future__ import annotations

import fcntl
import importlib
import types
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS_2023 = ROOT.parent / "shared" / "superoffice-docs"
# today's site: Services88 pages, the WebAPI agents as OpenAPI JSON, every version's WSDL in a zip
CURRENT = ROOT.parent / "shared" / "superoffice-docs-current"
CURRENT_PACKAGE = "superoffice_current"  # another name, so that both packages import in one run
CACHE = ROOT / ".codegen-test-cache"
ALL_VERSIONS = ("Services84", "Services85", "Services86", "Services87", "Services88")
# CODEGEN_TEST_CORPUS=current points the corpus fixtures at today's docs, for the tests that
# tests/test_current_corpus.py runs again on them in a child pytest (the example round trips)
TODAY = os.environ.get("CODEGEN_TEST_CORPUS") == "current"
CORPUS = CURRENT if TODAY else DOCS_2023
PACKAGE = CURRENT_PACKAGE if TODAY else "superoffice_services"
DOCUMENTED_VERSIONS = ("Services88",) if TODAY else ALL_VERSIONS  # the versions with operation pages


def require_corpus() -> Path:
    if not (CORPUS / ("endpoints" if TODAY else "soap")).is_dir():
        pytest.skip(f"the SuperOffice docs corpus is not at {CORPUS} (it lives beside the repository in ../shared)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus() -> Path:
    return require_corpus()


def runtime_template(name: str) -> types.ModuleType:
    """A module of the runtime as the templates hold it (templates/runtime), imported as a
    package of its own (``rt_pkg``), as it is inside a generated package."""
    if "rt_pkg" not in sys.modules:
        package = types.ModuleType("rt_pkg")
        package.__path__ = [str(ROOT / "templates" / "runtime")]
        sys.modules["rt_pkg"] = package
    return importlib.import_module(f"rt_pkg.{name}")


def require_current() -> Path:
    if not (CURRENT / "endpoints").is_dir():
        pytest.skip(f"today's SuperOffice docs are not at {CURRENT} (they live beside the repository in ../shared)")
    return CURRENT


@pytest.fixture(scope="session")
def current() -> Path:
    return require_current()


@dataclass(frozen=True)
class Generated:
    """The package generated from the real corpus, importable (its folder is on sys.path)."""

    path: Path  # the output folder (holds pyproject.toml and the package)
    summary: dict[str, object]  # counts and diagnostics of the run

    @property
    def package(self) -> Path:
        return self.path / PACKAGE

    @property
    def diagnostics(self) -> list[dict[str, object]]:
        return self.summary["diagnostics"]  # type: ignore[return-value]


def _code_key(corpus: Path) -> str:
    digest = hashlib.sha256()
    for folder in ("codegen", "templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(corpus)}:{path.stat().st_size}".encode())
    return digest.hexdigest()[:16]


def _generated(corpus: Path, name: str, package: str, versions: tuple[str, ...]) -> Iterator[Generated]:
    """The package generated from ``corpus``, once per change of the generator or the corpus
    (kept in .codegen-test-cache/<name>-<key>), with its folder on sys.path."""
    stem = f"{name}-"
    target = CACHE / (stem + _code_key(corpus))
    summary_file = target / "summary.json"
    CACHE.mkdir(exist_ok=True)
    with open(ROOT / f".codegen-test-cache-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # pytest-xdist workers: one generates, the others wait
        if not summary_file.exists():
            for old in CACHE.glob(stem + "*"):
                shutil.rmtree(old)  # an older generation: keep only one
            _generate(corpus, target, summary_file, package, versions)
    out = target / "out"
    sys.path.insert(0, str(out))
    try:
        yield Generated(out, json.loads(summary_file.read_text(encoding="utf-8")))
    finally:
        sys.path.remove(str(out))


@pytest.fixture(scope="session")
def generated(corpus: Path) -> Iterator[Generated]:
    if TODAY:
        yield from _generated(corpus, "current", CURRENT_PACKAGE, ())
    else:
        yield from _generated(corpus, "docs2023", PACKAGE, ALL_VERSIONS)


@pytest.fixture(scope="session")
def generated_current(current: Path) -> Iterator[Generated]:
    """The package generated from today's docs, as ``superoffice_current``: every version
    found (Services84 to Services87 from downloads/wsdl.zip) and the WebAPI."""
    yield from _generated(current, "current", CURRENT_PACKAGE, ())


def _generate(corpus: Path, target: Path, summary_file: Path, package: str, versions: tuple[str, ...]) -> None:
    from codegen.output import write_tree
    from codegen.pipeline import Settings, build_output

    outcome = build_output(Settings(docs=corpus, out=target / "out", versions=versions, package=package))
    write_tree(target / "out", outcome.files)
    summary = {
        "skipped": [list(entry) for entry in outcome.skipped],
        "endpoints": outcome.endpoints,
        "pages_read": outcome.pages_read,
        "versions": outcome.versions,
        "services": outcome.services,
        "operations": outcome.operations,
        "types": outcome.types,
        "diagnostics": [
            {"path": d.path, "line": d.line, "code": d.code, "severity": d.severity, "message": d.message}
            for d in outcome.diagnostics
        ],
    }
    summary_file.write_text(json.dumps(summary, indent=1), encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_model(corpus: Path):  # type: ignore[no-untyped-def]
    """(Api, diagnostics, pages) of the whole corpus, built without rendering."""
    from codegen.build import build_api
    from codegen.sources.pages import discover, read_page
    from codegen.sources.rest import read_rest_page

    paths = discover(corpus)
    pages = [read_page(path, corpus) for path in paths]
    rest = [read_rest_page(path, corpus) for path, page in zip(paths, pages) if page.kind == "rest-endpoint"]
    api, diagnostics = build_api(pages, rest)
    return api, diagnostics, pages


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite tests/golden from a fresh generation instead of comparing with it",
    )
