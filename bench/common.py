"""Helpers shared by the bench scripts: timing, the corpus, the generated package."""

from __future__ import annotations

import importlib
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = ROOT.parent / "shared" / "superoffice-docs"
PACKAGE = "superoffice_services"
_FENCE = re.compile(r"```xml[^\n]*\n(.*?)```", re.S)


def wsdl_text(docs: Path, version: str, service: str) -> str:
    """The WSDL that the service's docs page embeds (its first xml fence)."""
    page = docs / "soap" / version / f"{version}-{service}.md"
    match = _FENCE.search(page.read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit(f"{page} has no xml fence")
    return match.group(1).strip()


def example(docs: Path, version: str, service: str, operation: str, kind: str) -> bytes:
    """The xml fence under "## <Operation> Request|Response" of the operation's page."""
    text = (docs / "soap" / version / service / f"{operation}.md").read_text(encoding="utf-8")
    section = re.search(rf"^## {operation} {kind}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    fence = _FENCE.search(section.group(1)) if section else None
    if fence is None:
        raise SystemExit(f"{operation} page has no {kind} example")
    return fence.group(1).strip().encode("utf-8")


def load_generated(out: Path) -> Any:
    """Import the generated package from a folder made by `codegen generate --out`."""
    sys.path.insert(0, str(out))
    return importlib.import_module(PACKAGE)


def per_call(fn: Callable[[], Any], budget: float) -> float:
    """Seconds per call of fn: loops until `budget` seconds have passed (at least 3 calls)."""
    fn()  # warm up
    n = 0
    start = time.perf_counter()
    elapsed = 0.0
    while elapsed < budget or n < 3:
        fn()
        n += 1
        elapsed = time.perf_counter() - start
    return elapsed / n


def side_by_side(contenders: dict[str, Callable[[], Any]], repeats: int, budget: float) -> dict[str, list[float]]:
    """Each repeat runs every contender once in turn (interleaved, so load changes hit all alike)."""
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, fn in contenders.items():
            samples[name].append(per_call(fn, budget))
    return samples


def median(values: list[float]) -> float:
    return statistics.median(values)
