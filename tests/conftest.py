"""Shared fixtures: the real docs corpus, its model, and the package generated from it.

Generating all five versions takes a minute or two, so it happens once per test session
(and is reused between local runs while codegen/ and templates/ are unchanged: the cache key
is a hash of their sources and of the corpus' file list and sizes).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "superoffice-docs"
CACHE = ROOT / ".codegen-test-cache"
PACKAGE = "superoffice_services"
ALL_VERSIONS = ("Services84", "Services85", "Services86", "Services87", "Services88")


def require_corpus() -> Path:
    if not (CORPUS / "soap").is_dir():
        pytest.skip(f"the SuperOffice docs corpus is not at {CORPUS} (it lives beside the repository in ../shared)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus() -> Path:
    return require_corpus()


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


def _code_key() -> str:
    digest = hashlib.sha256()
    for folder in ("codegen", "templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(CORPUS)}:{path.stat().st_size}".encode())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def generated(corpus: Path) -> Iterator[Generated]:
    target = CACHE / _code_key()
    summary_file = target / "summary.json"
    CACHE.mkdir(exist_ok=True)
    with open(ROOT / ".codegen-test-cache.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # pytest-xdist workers: one generates, the others wait
        if not summary_file.exists():
            _generate(corpus, target, summary_file)
    out = target / "out"
    sys.path.insert(0, str(out))
    try:
        yield Generated(out, json.loads(summary_file.read_text(encoding="utf-8")))
    finally:
        sys.path.remove(str(out))


def _generate(corpus: Path, target: Path, summary_file: Path) -> None:
    from codegen.output import write_tree
    from codegen.pipeline import Settings, build_output

    for old in CACHE.iterdir():
        shutil.rmtree(old)  # an older generation: keep only one
    outcome = build_output(Settings(docs=corpus, out=target / "out", versions=ALL_VERSIONS, package=PACKAGE))
    write_tree(target / "out", outcome.files)
    summary = {
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
