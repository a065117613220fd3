"""A generation killed at any moment (SIGKILL, the whole process group, at seeded random
points of real runs of the command line) leaves the output folder holding exactly the
previous complete output or the new complete output, never a mix, and the cache usable;
two runs at once on one output folder do not corrupt it: the loser of the lock exits 2 with
a clear message.

The docs are a few services of Services88 copied from the corpus into tmp at test time. The
"old" docs and the "new" docs differ by an edited page, a removed service and an added WSDL page,
so the new output adds, changes and removes files. ``CODEGEN_CRASH_KILLS`` sets the number
of kills (default 8; fuzz/README.md records a longer run).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, require_corpus

OLD_PAGES = (
    "soap/Services88/Services88-Tooltips.md",
    "soap/Services88/Tooltips/GetTooltip.md",
    "soap/Services88/Services88-Database.md",
    "soap/Services88/Database/GetStepsInDatabase.md",
    "soap/Services88/Database/GetStepsFromNetServerCode.md",
    "soap/Services88/Relation/SaveContactRelation.md",
    "soap/Services88/Relation/GetContactRelationEntity.md",
    "restful/agent/Tooltips_Agent/v1TooltipsAgent_GetTooltip.md",
)
REMOVED = tuple(p for p in OLD_PAGES if "Database" in p)  # a whole service
ADDED = "soap/Services88/Services88-Relation.md"
EDITED = "soap/Services88/Tooltips/GetTooltip.md"
KILLS = int(os.environ.get("CODEGEN_CRASH_KILLS", "8"))
LEFTOVER = "left-by-a-killed-run"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }


def copy_pages(corpus: Path, target: Path, pages: tuple[str, ...]) -> Path:
    for page in pages:
        (target / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus / page, target / page)
    return target


def command(docs: Path, out: Path, cache: Path) -> list[str]:
    # progress lines (stderr is not a terminal) tell which stage a killed run had finished
    return [sys.executable, "-m", "codegen", "generate", "--docs", str(docs), "--out", str(out), "--cache-dir", str(cache)]


def generate(docs: Path, out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(docs, out, cache), cwd=ROOT, capture_output=True, text=True, timeout=600)


@dataclass(frozen=True)
class Setup:
    old_docs: Path
    new_docs: Path
    old: dict[str, str]  # the complete old output, manifest included
    new: dict[str, str]
    old_out: Path  # a pristine copy of the old output
    cold_seconds: float  # one run of the new docs without a cache, start to end


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    corpus = require_corpus()
    base = tmp_path_factory.mktemp("crash")
    old_docs = copy_pages(corpus, base / "old-docs", OLD_PAGES)
    new_docs = copy_pages(corpus, base / "new-docs", tuple(p for p in OLD_PAGES if p not in REMOVED) + (ADDED,))
    edited = new_docs / EDITED
    edited.write_text(edited.read_text(encoding="utf-8").replace("## GetTooltip\n", "## GetTooltip\n\nEdited.\n", 1), encoding="utf-8")

    result = generate(old_docs, base / "old-out", base / "old-cache")
    assert result.returncode == 0, result.stderr
    started = time.monotonic()
    result = generate(new_docs, base / "new-out", base / "new-cache")
    cold_seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    old, new = snapshot(base / "old-out"), snapshot(base / "new-out")
    changed = {p for p in old.keys() & new.keys() if old[p] != new[p]}
    assert new.keys() - old.keys() and old.keys() - new.keys() and len(changed) > 1  # adds, removes, changes
    return Setup(old_docs, new_docs, old, new, base / "old-out", cold_seconds)


def fresh_output(setup: Setup, folder: Path) -> Path:
    """The old output at ``folder``/generated, leaving whatever else a killed run left beside
    it (a staging or previous folder) for the next run to recover from."""
    out = folder / "generated"
    if out.exists():
        shutil.rmtree(out)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(setup.old_out, out)
    return out


class Run:
    """A generation in its own process group, its progress lines read as they come."""

    def __init__(self, setup: Setup, out: Path, cache: Path) -> None:
        self.out = out
        self.staging = out.with_name(f".{out.name}.codegen-staging")
        if self.staging.exists():  # left by a killed run: marked, so as not to be taken for ours
            (self.staging / LEFTOVER).touch()
        self.process = subprocess.Popen(
            command(setup.new_docs, out, cache), cwd=ROOT, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def stages(self) -> list[str]:
        """The stages finished so far ("read pages: 9/9" -> "read pages")."""
        return [line.split(":")[0] for line in self.lines if re.fullmatch(r"[a-z ]+: \d+/\d+", line)]

    def writing(self) -> bool:
        """This run's staging folder exists: it is writing the new tree or swapping it in."""
        return self.staging.exists() and not (self.staging / LEFTOVER).exists()

    def kill_when(self, ready: Callable[[], bool], delay: float) -> str:
        """SIGKILL the whole group ``delay`` seconds after ``ready()`` holds; say where the
        run was: the last stage it had finished, "writing" when its staging folder existed."""
        while not ready() and self.process.poll() is None:
            time.sleep(0.001)
        time.sleep(delay)
        writing = self.writing()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # the run and any workers it started
        except ProcessLookupError:
            pass  # it had finished and was reaped
        returncode = self.process.wait()
        self._reader.join()
        if returncode == 0:
            return "finished"
        stages = self.stages()
        return "writing" if writing else stages[-1] if stages else "starting"


def test_a_run_killed_at_random_points_leaves_the_old_or_the_new_output_and_a_usable_cache(setup: Setup, tmp_path: Path) -> None:
    rng = random.Random(20261123)
    shared = tmp_path / "cache"  # a cache every other killed run writes into
    caches: list[Path] = []
    where: list[str] = []
    left_behind = {"old": 0, "new": 0}
    for kill in range(KILLS):
        out = fresh_output(setup, tmp_path / "out")
        moment = kill % 4
        # Kill points, in turn: starting and reading (a cold cache); building, rendering and
        # formatting (a cold cache); just after reading with a warm cache; writing and the swap
        # (once the staging folder exists).
        cache = tmp_path / f"cold-cache-{kill}" if moment < 2 else shared
        if moment < 2:
            caches.append(cache)
        run = Run(setup, out, cache)
        if moment == 0:
            where.append(run.kill_when(lambda: True, rng.uniform(0.0, setup.cold_seconds * 0.5)))
        elif moment == 1:
            where.append(run.kill_when(lambda: "read pages" in run.stages(), rng.uniform(0.0, setup.cold_seconds * 0.4)))
        elif moment == 2:
            where.append(run.kill_when(lambda: "read pages" in run.stages(), rng.uniform(0.0, 0.3)))
        else:
            where.append(run.kill_when(run.writing, rng.uniform(0.0, 0.05)))

        left = snapshot(out)
        assert left in (setup.old, setup.new), f"kill {kill} ({where[-1]}): the output is a mix of old and new"
        left_behind["old" if left == setup.old else "new"] += 1

    print(f"\n{KILLS} kills, where each landed: {where}; output left: {left_behind}")
    # A normal run after all that succeeds, recovers and writes exactly the new output...
    fresh_output(setup, tmp_path / "out")
    result = generate(setup.new_docs, out, shared)
    assert result.returncode == 0, result.stderr
    assert snapshot(out) == setup.new
    assert sorted(p.name for p in out.parent.iterdir()) == ["generated"]
    # ... and every cache a killed run wrote into gives exactly the new output; the shared
    # one, completed by that normal run, holds everything.
    from codegen.pipeline import Settings, build_output

    expected = {p: h for p, h in setup.new.items() if p != ".codegen-manifest.json"}
    for cache in [*caches, shared]:  # the shared one last
        outcome = build_output(Settings(docs=setup.new_docs, out=out, cache=cache))
        assert {p: hashlib.sha256(d).hexdigest() for p, d in outcome.files.items()} == expected, cache
    assert outcome.cache_misses == 0 and outcome.cache_hits > 0


@pytest.fixture
def locked_parent(tmp_path: Path) -> Iterator[Path]:
    """The lock a running generation holds on the output's parent folder, held by the test."""
    folder = tmp_path / "locked"
    folder.mkdir()
    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield folder
    finally:
        os.close(fd)


def test_a_second_run_while_one_is_writing_exits_2_with_a_clear_message(setup: Setup, locked_parent: Path, tmp_path: Path) -> None:
    out = locked_parent / "generated"
    shutil.copytree(setup.old_out, out)
    result = generate(setup.new_docs, out, tmp_path / "cache")
    assert result.returncode == 2
    assert f"another codegen run is writing into {locked_parent}; try again when it has finished (nothing was written)" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == setup.old


def test_two_runs_at_once_on_one_output_leave_it_complete(setup: Setup, tmp_path: Path) -> None:
    """Two real runs started together, sharing the output folder and the cache: each either
    writes (exit 0) or loses the lock (exit 2, the message); the output is the new one."""
    out = fresh_output(setup, tmp_path / "out")
    cache = tmp_path / "cache"
    for _ in range(2):
        runs = [
            subprocess.Popen(command(setup.new_docs, out, cache), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        results = [(run.wait(timeout=600), run.communicate()[1]) for run in runs]
        assert all(code == 0 or (code == 2 and "another codegen run" in err and "is writing" in err) for code, err in results), results
        assert any(code == 0 for code, _ in results), results
        assert snapshot(out) == setup.new
        assert sorted(p.name for p in out.parent.iterdir()) == ["generated"]
