"""The benchmark suite: one command, one table.

    python bench/run.py [--quick] [--docs PATH] [--generated PATH] [--only messages imports generation]

Run it with the project's venv (the generator installed) and the peers of bench/requirements.txt
importable (zeep). It generates Services88 into a temp folder (or uses --generated), then runs
each part in its own process:

* messages   (bench/messages.py)   request build / response parse per second: ours, zeep, lxml floor
* imports    (bench/imports.py)    fresh-process import of one service and of Services88: ours, zeep
* generation (bench/generation.py) cold generation of all versions, no-change and one-page
                                   regeneration, peak memory, and the read-and-parse floor

Medians over repeats; contenders of one part run interleaved in the same run, so ratios are
side by side. The raw samples go to bench/results/<UTC time>.json (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import DEFAULT_DOCS, ROOT  # noqa: E402

PARTS = ("messages", "imports", "generation", "xsdata")


def run_json(command: list[str]) -> dict:
    print("  $", " ".join(command), file=sys.stderr, flush=True)
    out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load() -> str:
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def fmt_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def message_rows(m: dict) -> list[tuple[str, ...]]:
    med = m["median"]
    rows = []
    for group, ours in (("request", "ours build_request"), ("reply", "ours read_reply")):
        for name in m[group]:
            t = med[name]
            rows.append((f"messages: {group}", name, fmt_time(t), f"{1 / t:,.0f}/s", f"{t / med[ours]:.2f}x ours' time"))
    return rows


def import_rows(i: dict) -> list[tuple[str, ...]]:
    med = i["median"]
    rows = []
    for case, ours in (("deps-only", None), ("ours-service", None), ("zeep-service", "ours-service"),
                       ("ours-version", None), ("zeep-version", "ours-version")):
        t, mb = med[case]["seconds"], med[case]["added_mb"]
        ratio = f"{t / med[ours]['seconds']:.2f}x ours' time" if ours else ""
        rows.append(("import (fresh process)", case, fmt_time(t), f"+{mb:.0f} MB", ratio))
    return rows


def generation_rows(g: dict) -> list[tuple[str, ...]]:
    med = g["median"]
    rows = [("generation", "read-and-parse floor", fmt_time(med["floor"]), "", "")]
    if "cold" in med:
        rows.append(("generation", "cold, all versions (--no-cache)", fmt_time(med["cold"]),
                     f"peak {med['cold_peak_mb']:.0f} MB/process, {med.get('cold_peak_tree_pss_mb', 0):.0f} MB tree", f"{med['cold'] / med['floor']:.1f}x floor"))
    rows.append(("generation", "filling the cache (empty cache dir)", fmt_time(med["fill_cache"]),
                 f"peak {med['fill_cache_peak_mb']:.0f} MB/process, {med.get('fill_cache_peak_tree_pss_mb', 0):.0f} MB tree", f"{med['fill_cache'] / med['floor']:.1f}x floor"))
    rows.append(("generation", "no-change regeneration", fmt_time(med["no_change"]), "", ""))
    rows.append(("generation", "one-page-change regeneration", fmt_time(med["one_page"]), "", ""))
    return rows


def xsdata_rows(x: dict, m: dict | None, i: dict | None) -> list[tuple[str, ...]]:
    gen = x["generate_one_service"]
    rows = [("xsdata", "generate one service (Appointment)", fmt_time(gen["seconds"]), f"peak {gen['peak_mb']:.0f} MB", "")]
    med = x["median"]
    ratio = f"{med['import_seconds'] / i['median']['ours-service']['seconds']:.2f}x ours' time" if i else ""
    rows.append(("import (fresh process)", "xsdata-service (its package)", fmt_time(med["import_seconds"]),
                 f"+{med['import_added_mb']:.0f} MB", ratio))
    if "messages" in x:
        for name, t in x["messages"]["median"].items():
            ours = "ours build_request" if "request" in name else "ours read_reply"
            ratio = f"{t / m['median'][ours]:.2f}x ours' time (other process)" if m else ""
            rows.append(("messages: xsdata", name, fmt_time(t), f"{1 / t:,.0f}/s", ratio))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, shorter samples, no cold generation")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--generated", type=Path, help="an existing `codegen generate --versions Services88 --out` folder")
    parser.add_argument("--peer-python", type=Path, default=HERE / ".venv" / "bin" / "python",
                        help="a Python with bench/requirements.txt installed, for the xsdata part (skipped if absent)")
    parser.add_argument("--cold-repeats", type=int, default=3, help="cold generations of all versions (0 with --quick)")
    parser.add_argument("--regen-repeats", type=int, default=5, help="no-change and one-page regenerations")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS))
    args = parser.parse_args()
    docs = args.docs.resolve()
    py = sys.executable
    repeats = "3" if args.quick else "7"
    report: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": platform.uname()._asdict(),
        "nproc": os.cpu_count(),
        "python": sys.version,
        "command": " ".join([Path(py).name, *sys.argv]),
        "load_before": load(),
    }
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    path = results / time.strftime("%Y%m%dT%H%M%SZ.json", time.gmtime())

    def save() -> None:  # after every part, so that an interrupted run keeps what it measured
        path.write_text(json.dumps(report, indent=1), encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="codegen-bench-gen-") as folder:
        generated = args.generated
        needs_package = {"messages", "imports"} & set(args.only)
        if needs_package and generated is None:
            generated = Path(folder) / "out"
            print("generating Services88 into a temp folder ...", file=sys.stderr, flush=True)
            codegen = Path(py).parent / "codegen"
            subprocess.run([str(codegen), "generate", "--docs", str(docs), "--versions", "Services88", "--out",
                            str(generated), "-q", "--no-progress", "--no-cache"], check=True, cwd=ROOT)
        rows: list[tuple[str, ...]] = [("part", "contender", "median", "rate / memory", "ratio")]
        if "messages" in args.only:
            report["messages"] = m = run_json([py, str(HERE / "messages.py"), "--generated", str(generated), "--docs",
                                               str(docs), "--dump", str(Path(folder) / "dump"), "--repeats", repeats, "--budget", "0.2" if args.quick else "0.5"])
            rows += message_rows(m)
            report["table"] = table(rows)
            save()
        if "imports" in args.only:
            report["imports"] = i = run_json([py, str(HERE / "imports.py"), "--generated", str(generated), "--docs",
                                              str(docs), "--repeats", "3" if args.quick else "7"])
            rows += import_rows(i)
            report["table"] = table(rows)
            save()
        if "xsdata" in args.only:
            if not args.peer_python.exists():
                print(f"xsdata skipped: no {args.peer_python} (see bench/README.md)", file=sys.stderr)
            else:
                command = [str(args.peer_python), str(HERE / "xsdata_peer.py"), "--docs", str(docs), "--repeats", repeats]
                if (Path(folder) / "dump" / "request.xml").exists():
                    command += ["--messages", str(Path(folder) / "dump")]
                report["xsdata"] = x = run_json(command)
                rows += xsdata_rows(x, report.get("messages"), report.get("imports"))
                report["table"] = table(rows)
                save()
        if "generation" in args.only:
            command = [py, str(HERE / "generation.py"), "--docs", str(docs), "--repeats", "3" if args.quick else str(args.regen_repeats)]
            command += ["--skip-cold"] if args.quick or args.cold_repeats == 0 else ["--cold-repeats", str(args.cold_repeats)]
            report["generation"] = g = run_json(command)
            rows += generation_rows(g)
            report["table"] = table(rows)
            save()
    report["load_after"] = load()
    report["table"] = table(rows)
    save()
    print(f"\n{report['date']}  {platform.node()}  {os.cpu_count()} cores  Python {platform.python_version()}")
    print(f"{report['load_before']} (before), {report['load_after']} (after)\n")
    print(report["table"])
    print(f"\nraw samples: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
