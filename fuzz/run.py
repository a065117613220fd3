"""A longer fuzzing campaign of the generator: the strategies of tests/test_fuzz_pages.py
for N examples or N minutes, counting instead of stopping at the first failure.

    .venv/bin/python fuzz/run.py --minutes 10
    .venv/bin/python fuzz/run.py --examples 5000 --seed 7
    .venv/bin/python fuzz/run.py --engine atheris --minutes 10   # coverage-guided (pip install atheris)

Prints the figures (inputs tried, outcomes, crashes, broken promises, partial outputs) and
keeps each distinct failure's input and traceback under --save (default: a folder in /tmp;
the inputs are made of corpus pages, so they never go into the repository). See README.md.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import sys
import tempfile
import time
import traceback
from collections.abc import Mapping
from pathlib import Path

from hypothesis.strategies import SearchStrategy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "superoffice-docs"


class Campaign:
    def __init__(self, save: Path, work: Path) -> None:
        self.save = save
        self.work = work
        self.started = time.monotonic()
        self.tried = 0
        self.outcomes: collections.Counter[str] = collections.Counter()
        self.crashes: collections.Counter[str] = collections.Counter()  # any other exception
        self.broken: collections.Counter[str] = collections.Counter()  # a promise not kept
        self.partial = 0

    def one(self, docs: Mapping[str, bytes]) -> None:
        from fuzz.harness import run_input

        self.tried += 1
        try:
            self.outcomes[run_input(docs, self.work, self.work / "cache")] += 1
        except AssertionError as error:
            message = str(error).splitlines()[0] if str(error) else "assertion"
            self.partial += message.startswith("partial output")
            self.record(self.broken, message[:160], docs)
        except Exception as error:  # noqa: BLE001 - a crash is what we count
            frames = [f for f in traceback.extract_tb(error.__traceback__) if "/codegen/" in f.filename]
            where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
            self.record(self.crashes, f"{type(error).__name__} at {where}: {str(error)[:100]}", docs)
        if self.tried % 100 == 0:
            self.report(sys.stderr)

    def record(self, counter: collections.Counter[str], signature: str, docs: Mapping[str, bytes]) -> None:
        counter[signature] += 1
        if counter[signature] > 1:
            return
        folder = self.save / hashlib.sha256(signature.encode()).hexdigest()[:12]
        for name, data in docs.items():
            (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "docs" / name).write_bytes(data)
        (folder / "failure.txt").write_text(f"{signature}\n\n{traceback.format_exc()}", encoding="utf-8")

    def report(self, stream: object = sys.stdout) -> None:
        minutes = (time.monotonic() - self.started) / 60
        lines = [
            f"inputs tried: {self.tried} in {minutes:.1f} min",
            f"outcomes: {dict(sorted(self.outcomes.items()))}",
            f"crashes (exceptions other than FatalError): {sum(self.crashes.values())}",
            f"broken promises (code that does not compile, diagnostics without file and line, output changed by a fatal run): {sum(self.broken.values())}",
            f"partial outputs: {self.partial}",
        ]
        for name, counter in (("crash", self.crashes), ("broken", self.broken)):
            lines += [f"  {name} x{count}: {signature}" for signature, count in counter.most_common()]
        if self.crashes or self.broken:
            lines.append(f"inputs and tracebacks in {self.save}")
        print("\n".join(lines), file=stream, flush=True)  # type: ignore[call-overload]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=10**9, help="stop after this many inputs")
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis engine: the first batch's seed")
    parser.add_argument("--engine", choices=("hypothesis", "atheris"), default="hypothesis")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the SuperOffice docs (default: %(default)s)")
    parser.add_argument("--save", type=Path, default=Path(tempfile.gettempdir()) / "codegen-fuzz-failures")
    args = parser.parse_args()
    if args.minutes is None and args.examples == 10**9:
        args.examples = 1000
    if not (args.corpus / "soap").is_dir():
        print(f"the SuperOffice docs corpus is not at {args.corpus}", file=sys.stderr)
        return 2
    deadline = time.monotonic() + (args.minutes * 60 if args.minutes else 10**9)
    with tempfile.TemporaryDirectory(prefix="codegen-fuzz-") as work:
        campaign = Campaign(args.save, Path(work))
        if args.engine == "atheris":
            run_atheris(campaign, strategy(args.corpus), args.examples, deadline)
        else:
            run_hypothesis(campaign, strategy(args.corpus), args.examples, deadline, args.seed)
        campaign.report()
    return 1 if campaign.crashes or campaign.broken else 0


def strategy(corpus: Path) -> SearchStrategy[dict[str, bytes]]:
    from fuzz.mutations import docs_folders, load_pool

    return docs_folders(load_pool(corpus))


def run_hypothesis(
    campaign: Campaign, docs: SearchStrategy[dict[str, bytes]], examples: int, deadline: float, seed: int
) -> None:
    """Batches of 100 examples, each with its own seed, until the count or the time is up.
    No shrinking: failures are counted and kept, not minimised."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as with_seed

    batch = 0
    while campaign.tried < examples and time.monotonic() < deadline:
        @with_seed(seed + batch)
        @settings(
            max_examples=min(100, examples - campaign.tried), deadline=None, database=None,
            phases=[Phase.generate], suppress_health_check=list(HealthCheck),
        )
        @given(docs)
        def one_batch(drawn: dict[str, bytes]) -> None:
            if time.monotonic() < deadline:
                campaign.one(drawn)

        one_batch()
        batch += 1


def run_atheris(campaign: Campaign, docs: SearchStrategy[dict[str, bytes]], examples: int, deadline: float) -> None:
    """libFuzzer's coverage guidance over the same strategies: atheris feeds bytes to
    hypothesis (``fuzz_one_input``), which turns them into a drawn docs folder. libFuzzer
    never returns, so the campaign ends itself when the count or the time is up."""
    import os

    import atheris  # type: ignore[import-not-found]
    from hypothesis import HealthCheck, given, settings

    with atheris.instrument_imports(include=["codegen"]):
        import codegen.pipeline  # noqa: F401 - instrumented for coverage

    @settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(docs)
    def one(drawn: dict[str, bytes]) -> None:
        campaign.one(drawn)
        if campaign.tried >= examples or time.monotonic() >= deadline:
            campaign.report()
            os._exit(1 if campaign.crashes or campaign.broken else 0)

    # hypothesis reads its choices from the input: inputs of a few bytes draw nothing useful
    atheris.Setup([sys.argv[0], "-max_len=65536", "-len_control=0", "-rss_limit_mb=4096"], one.hypothesis.fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    sys.exit(main())
