"""A golden record of a small selection of the output: the ErpSync service of Services86 and
Services88 and the ErpSync agent of the WebAPI, generated from the corpus' pages of that
service alone. A change to the generator
that changes the output shows here as a reviewable diff; after reviewing it, rewrite the record
with `python -m pytest tests/test_golden.py --update-golden`."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from codegen.output import MANIFEST_NAME
from codegen.pipeline import Settings, build_output
from conftest import ROOT, require_corpus

GOLDEN = ROOT / "tests" / "golden" / "erpsync"
SELECTION = (("Services86", "ErpSync"), ("Services88", "ErpSync"))


def generate_selection(docs: Path) -> dict[str, bytes]:
    corpus = require_corpus()
    for version, service in SELECTION:
        folder = docs / version
        folder.mkdir(parents=True)
        shutil.copy(corpus / "soap" / version / f"{version}-{service}.md", folder)
        shutil.copytree(corpus / "soap" / version / service, folder / service)
    shutil.copytree(corpus / "restful" / "agent" / "ErpSync_Agent", docs / "rest")
    outcome = build_output(Settings(docs=docs, out=docs / "out"))
    assert outcome.errors == 0, outcome.diagnostics
    # the runtime is copied verbatim from templates/runtime: not part of the record; nor are the
    # test doubles' data files, which hold the docs' examples and schemas as the docs write them
    return {
        path: data for path, data in outcome.files.items()
        if "/_runtime/" not in path and "/_doubles/" not in path and path != MANIFEST_NAME
    }


def test_a_fresh_generation_equals_the_golden_record(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    files = generate_selection(tmp_path / "docs")
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, data in files.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        pytest.skip(f"golden record rewritten: {len(files)} files")
    recorded = {str(p.relative_to(GOLDEN)): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(files) == sorted(recorded), "files added or removed"
    changed = [path for path in files if files[path] != recorded[path]]
    diff = []
    for path in changed[:5]:
        diff += difflib.unified_diff(
            recorded[path].decode().splitlines(), files[path].decode().splitlines(), f"golden/{path}", f"fresh/{path}", lineterm="", n=2
        )
    assert not changed, f"{len(changed)} files differ from the golden record:\n" + "\n".join(diff[:200])
