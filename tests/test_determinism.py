"""The same docs give byte-identical output: across runs, hash seeds, file names and the order
in which pages are found."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any
from pathlib import Path

import pytest

from conftest import require_corpus


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def generate(docs: Path, out: Path, seed: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--docs", str(docs), "--out", str(out), "--quiet", "--no-progress"],
        env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr


def test_the_same_pages_under_other_names_and_hash_seeds_give_byte_identical_output(tmp_path: Path) -> None:
    corpus = require_corpus()
    pages = sorted((corpus / "soap/Services88/SoPrincipal").glob("*.md")) + sorted((corpus / "soap/Services88/License").glob("*.md"))
    pages += [corpus / "soap/Services88/Services88-SoPrincipal.md", corpus / "soap/Services88/Services88-License.md"]
    pages += sorted((corpus / "soap/Services87/Webhook").glob("*.md"))  # a service without its WSDL: inferred
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for index, page in enumerate(pages):
        shutil.copy(page, first / f"{index:03d}.md")
        # reversed order of names, nested folders: a different discovery order
        (second / f"z{len(pages) - index}").mkdir()
        shutil.copy(page, second / f"z{len(pages) - index}" / "page.md")

    generate(first, tmp_path / "out1", "1")
    generate(second, tmp_path / "out2", "2")
    generate(first, tmp_path / "out3", "3")

    one = tree(tmp_path / "out1")
    assert len(one) > 50
    assert one == tree(tmp_path / "out2") == tree(tmp_path / "out3")


def small_docs(corpus: Path, folder: Path) -> Path:
    """A few services of two versions, WSDL-backed and inferred, and WebAPI pages."""
    pages = [
        *sorted((corpus / "soap/Services88/Tooltips").glob("*.md")),
        *sorted((corpus / "soap/Services88/Relation").glob("*.md")),
        corpus / "soap/Services88/Services88-Tooltips.md",
        *sorted((corpus / "soap/Services87/Database").glob("*.md")),
        corpus / "soap/Services87/Services87-Database.md",
        *sorted((corpus / "restful/agent/Tooltips_Agent").glob("*.md")),
    ]
    for page in pages:
        target = folder / page.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    return folder


def build_files(docs: Path) -> dict[str, bytes]:
    from codegen.pipeline import Settings, build_output

    # no cache: a cached version is keyed by the sorted pages and would hide an order effect
    return build_output(Settings(docs=docs, out=docs.parent / "out", cache=None)).files


def test_the_order_in_which_the_file_system_and_discovery_list_pages_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    from codegen import pipeline
    from codegen.sources import walk as walk_module

    docs = small_docs(require_corpus(), tmp_path / "docs")
    expected = build_files(docs)
    assert len(expected) > 30

    rng = random.Random(6)
    real_walk = os.walk

    def shuffled_walk(top: str | Path, **kwargs: object) -> Iterator[tuple[str, list[str], list[str]]]:
        """os.walk listing each folder's entries in a random order, as another file system
        might (discover must not depend on readdir order)."""
        for folder, subfolders, files in real_walk(top, **kwargs):  # type: ignore[call-overload]
            rng.shuffle(subfolders)
            rng.shuffle(files)
            yield folder, subfolders, files

    monkeypatch.setattr(walk_module.os, "walk", shuffled_walk)
    assert build_files(docs) == expected
    monkeypatch.undo()

    real_walk_files = pipeline.walk

    def shuffled_discover(root: Path, follow_links_to: Sequence[Path] = ()) -> walk_module.Walk:
        found = real_walk_files(root, follow_links_to)
        rng.shuffle(found.files)
        return found

    for _ in range(2):
        monkeypatch.setattr(pipeline, "walk", shuffled_discover)
        assert build_files(docs) == expected


def test_versions_built_in_parallel_processes_give_the_same_files_and_keep_their_cache_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several versions to build are built one per process; the files are those of building
    them one after the other, and what the workers put in the cache survives the pruning that
    follows a run that rebuilt everything."""
    import sqlite3

    from codegen import pipeline
    from codegen.cache import CACHE_FILE

    docs = small_docs(require_corpus(), tmp_path / "docs")
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)
    one_by_one = build_files(docs)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    cache = tmp_path / "cache"
    settings = pipeline.Settings(docs=docs, out=tmp_path / "out", cache=cache)
    stages: set[tuple[str, int]] = set()
    assert pipeline.build_output(settings, lambda stage, done, total: stages.add((stage, total))).files == one_by_one
    assert ("build versions", 2) in stages  # reported by the parallel path only: it did run
    with sqlite3.connect(cache / CACHE_FILE) as db:
        kinds = dict(db.execute("SELECT kind, count(*) FROM entries GROUP BY kind").fetchall())
    assert kinds.get("rendered-service", 0) >= 3 and kinds.get("wsdl", 0) >= 2, kinds
    (docs / "soap/Services87/Services87-Database.md").touch()  # same bytes: the run is replayed
    again = pipeline.build_output(settings)
    assert again.files == one_by_one and again.cache_misses == 0


def test_every_file_is_handed_over_once_as_its_part_is_finished(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`generate` writes each part (a version, the WebAPI, the rest) while the next ones are
    built: what the build hands over is exactly its output, each file once, whether versions
    are built one after the other, in processes, or partly taken from the cache."""
    from codegen import pipeline

    docs = small_docs(require_corpus(), tmp_path / "docs")

    def build(cores: int, cache: Path | None) -> tuple[pipeline.Outcome, list[dict[str, bytes]]]:
        monkeypatch.setattr(pipeline.os, "cpu_count", lambda: cores)
        parts: list[dict[str, bytes]] = []
        settings = pipeline.Settings(docs=docs, out=tmp_path / "out", cache=cache)
        return pipeline.build_output(settings, None, lambda files: parts.append(dict(files))), parts

    for cores, cache in ((1, None), (2, None), (2, tmp_path / "cache")):
        outcome, parts = build(cores, cache)
        handed = [path for part in parts for path in part]
        assert sorted(handed) == sorted(outcome.files), (cores, cache)  # each once, all of them
        assert all(outcome.files[path] == part[path] for part in parts for path in part)
        assert len(parts) >= 3  # two versions and the rest, at least
    page = docs / "soap/Services87/Database/GetStepsInDatabase.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## GetStepsInDatabase\n", "## GetStepsInDatabase\n\nEdited.\n", 1), encoding="utf-8")
    outcome, parts = build(2, tmp_path / "cache")  # Services87 rebuilt, Services88 from the cache
    assert sorted(path for part in parts for path in part) == sorted(outcome.files)


def test_forked_workers_given_only_the_version_name_build_what_workers_given_the_pages_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where workers are forked they find their version's pages in the memory they inherit;
    elsewhere (spawn, forkserver) the pages are sent: both give the same files."""
    from codegen import pipeline, processes

    docs = small_docs(require_corpus(), tmp_path / "docs")
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    sent: list[object] = []

    class Recording(ProcessPoolExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            sent.append(args[-1])  # the job, or its name
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(processes, "ProcessPoolExecutor", Recording)  # what worker_pool makes
    files = {}
    for method in ("fork", "spawn"):
        monkeypatch.setattr(pipeline.multiprocessing, "get_start_method", lambda method=method: method)
        sent.clear()
        files[method] = pipeline.build_output(pipeline.Settings(docs=docs, out=tmp_path / "out")).files
        assert all(isinstance(job, str) == (method == "fork") for job in sent) and len(sent) == 2
    assert files["fork"] == files["spawn"]
    assert not pipeline._FORKED_JOBS  # nothing kept after the run
