"""Fuzzing the page readers and the model builder with mutations of real pages
(fuzz/mutations.py: truncated and reordered fences, broken XML, swapped namespaces, unknown
xsi:types, duplicate operations, empty files, binary junk, non-UTF-8 bytes, huge pages,
hostile XML). The only outcomes allowed are generated code that compiles or diagnostics
naming file and line (fuzz/harness.py). Bounded for CI; fuzz/run.py runs longer campaigns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import CORPUS, require_corpus
from fuzz.harness import run_input
from fuzz.mutations import docs_folders, load_pool

# Read at collection time: hypothesis needs the pages to build its strategy.
CORPUS_POOL = load_pool(CORPUS) if (CORPUS / "soap").is_dir() else {}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for all examples: each replaces the docs and writes over the previous
    output, and the cache carries black's work from one example to the next."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.skipif(not CORPUS_POOL, reason="the SuperOffice docs corpus is not in ../shared")
@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(docs=docs_folders(CORPUS_POOL or {"-": b""}))
def test_mutated_real_pages_give_compiling_code_or_diagnostics_never_a_crash(
    docs: dict[str, bytes], workspace: Path
) -> None:
    run_input(docs, workspace, workspace / "cache")


# -- regressions: crashes the fuzzing found, each now a diagnostic ------------------------------


def test_a_wsdl_number_that_is_not_a_whole_number_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    """Found by fuzz/run.py: ``minOccurs="é"`` raised ValueError from int()."""
    page = "soap/Services88/Services88-Database.md"
    text = (require_corpus() / page).read_text(encoding="utf-8")
    bad_min = text.index('minOccurs="0"')
    text = text[:bad_min] + 'minOccurs="é"' + text[bad_min + len('minOccurs="0"') :]
    text = re.sub(r"(<EnumerationValue[^>]*>)[^<]*", r"\g<1>x1", text, count=1)
    docs = {page: text.encode("utf-8")}
    run_input(docs, tmp_path, None)  # the oracle: compiling code, diagnostics with file and line

    from codegen.reading import read_docs

    warnings = [(d.path, d.line, d.message) for d in read_docs(tmp_path / "docs").diagnostics if d.code == "W006"]
    line = text[:bad_min].count("\n") + 1
    assert (page, line, "minOccurs 'é' is not a whole number; ignored") in warnings
    assert any("EnumerationValue 'x1'" in message for _, _, message in warnings), warnings
