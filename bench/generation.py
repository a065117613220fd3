"""Generation of all five versions: cold (--no-cache), no-change and one-page-change regeneration
(with the cache), peak memory (the generator process's max RSS, from wait4), and the floor: a
script that only reads every page and parses every ```xml block with lxml.

The one-page change runs on a symlink tree of the docs in a temp folder (the corpus itself is
never written) where one operation page is a real copy whose description line is edited; each
repeat edits it differently, so that every run sees a change.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_DOCS, ROOT, median  # noqa: E402

CHANGED_PAGE = Path("soap/Services88/Appointment/GetAppointmentEntity.md")
_FENCE = re.compile(r"```xml[^\n]*\n(.*?)```", re.S)


def codegen() -> list[str]:
    script = Path(sys.executable).parent / "codegen"
    return [str(script)] if script.exists() else [sys.executable, "-m", "codegen"]


def tree_pss_mb(root: int) -> float:
    """Proportional set size of a process and all its descendants (the generator's worker
    processes too; PSS shares the pages they have in common instead of counting them twice)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    children.setdefault(int(stat.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
            except OSError:
                pass
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as smaps:
                total += next((int(line.split()[1]) for line in smaps if line.startswith("Pss:")), 0)
        except OSError:
            pass
        stack += children.get(pid, [])
    return total / 1024


def run_generate(docs: Path, out: Path, cache: Path | None) -> dict[str, float]:
    """One `codegen generate` in its own process: wall time and the process's peak RSS."""
    command = [*codegen(), "generate", "--docs", str(docs), "--out", str(out), "-q", "--no-progress"]
    command += ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    peak_tree = [0.0]
    done = threading.Event()

    def sample() -> None:  # every 0.25 s: a lower bound of the true peak
        while not done.wait(0.25):
            peak_tree[0] = max(peak_tree[0], tree_pss_mb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read() if process.stdout else b""
    done.set()
    sampler.join()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: generated, with input errors reported
        raise SystemExit(f"codegen failed ({code}):\n{output.decode(errors='replace')[-2000:]}")
    # peak_mb: the largest single process's max RSS (wait4); peak_tree_pss_mb: the sampled peak of
    # the whole process tree (main process and its workers), PSS
    return {"seconds": elapsed, "peak_mb": usage.ru_maxrss / 1024, "peak_tree_pss_mb": peak_tree[0], "exit": code}


def floor(docs: Path) -> dict[str, float]:
    """Read every page and parse every xml block with lxml; nothing else."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    start = time.perf_counter()
    pages = blocks = failed = 0
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        pages += 1
        for block in _FENCE.findall(text):
            blocks += 1
            try:
                etree.fromstring(block.strip().encode("utf-8"), parser)
            except etree.XMLSyntaxError:
                failed += 1
    return {"seconds": time.perf_counter() - start, "pages": pages, "blocks": blocks, "unparsable": failed}


def symlink_tree(docs: Path, target: Path) -> None:
    for folder, _, files in os.walk(docs):
        relative = Path(folder).relative_to(docs)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            (target / relative / name).symlink_to(Path(folder) / name)


def edit_page(tree: Path, docs: Path, n: int) -> None:
    page = tree / CHANGED_PAGE
    page.unlink()
    text = (docs / CHANGED_PAGE).read_text(encoding="utf-8")
    marker = "## GetAppointmentEntity\n"
    if marker not in text:
        raise SystemExit(f"{CHANGED_PAGE} has no {marker!r}")
    page.write_text(text.replace(marker, f"{marker}\nBenchmark edit number {n}.\n", 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--cold-repeats", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5, help="for the floor and the regenerations")
    parser.add_argument("--skip-cold", action="store_true", help="only the floor and the regenerations")
    args = parser.parse_args()
    docs = args.docs.resolve()
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="codegen-bench-") as folder:
        work = Path(folder)
        floors = [floor(docs) for _ in range(args.repeats)]
        result["floor"] = floors
        cold = []
        if not args.skip_cold:
            for n in range(args.cold_repeats):
                cold.append(run_generate(docs, work / f"cold{n}", None))
                shutil.rmtree(work / f"cold{n}", ignore_errors=True)
        result["cold"] = cold
        # the cache: one full run on the symlink tree, which the regenerations then reuse
        tree = work / "docs"
        symlink_tree(docs, tree)
        cache, out = work / "cache", work / "out"
        result["fill_cache"] = run_generate(tree, out, cache)
        result["no_change"] = [run_generate(tree, out, cache) for _ in range(args.repeats)]
        one_page = []
        for n in range(args.repeats):
            edit_page(tree, docs, n)
            one_page.append(run_generate(tree, out, cache))
        result["one_page"] = one_page
    result["median"] = {
        "floor": median([f["seconds"] for f in floors]),
        **({"cold": median([c["seconds"] for c in cold]), "cold_peak_mb": max(c["peak_mb"] for c in cold),
                 "cold_peak_tree_pss_mb": max(c.get("peak_tree_pss_mb", 0) for c in cold)} if cold else {}),
        "no_change": median([r["seconds"] for r in result["no_change"]]),  # type: ignore[index]
        "one_page": median([r["seconds"] for r in one_page]),
        "fill_cache": result["fill_cache"]["seconds"],  # type: ignore[index]
        "fill_cache_peak_mb": result["fill_cache"]["peak_mb"],  # type: ignore[index]
        "fill_cache_peak_tree_pss_mb": result["fill_cache"].get("peak_tree_pss_mb", 0),  # type: ignore[index, union-attr]
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
