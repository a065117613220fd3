"""Import cost in a fresh process: time and added memory (peak RSS after minus RSS at start).

Cases (each one `python bench/imports.py --child CASE ...` run in a new interpreter):
* deps-only: import httpx and lxml.etree only (what the generated package needs anyway);
* ours-service: import the Services88 AppointmentAgent and construct it on a SoapSession;
* ours-version: import services88 and resolve every name of its __all__ (every agent and type);
* zeep-service: import zeep and build a zeep.Client from the Appointment WSDL page;
* zeep-version: import zeep and build a zeep.Client for each Services88 WSDL page.
The time counts from before the first import of the case (interpreter start-up excluded).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_DOCS, median, wsdl_text  # noqa: E402

VERSION = "Services88"
CASES = ("deps-only", "ours-service", "ours-version", "zeep-service", "zeep-version")


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def child(case: str, generated: Path, wsdls: Path) -> None:
    import resource

    start_rss = rss_kb()
    start = time.perf_counter()
    if case == "deps-only":  # what any httpx + lxml client pays
        import httpx  # noqa: F401
        from lxml import etree  # noqa: F401
    elif case.startswith("ours"):
        sys.path.insert(0, str(generated))
        if case == "ours-service":
            from superoffice_services import SoapSession  # type: ignore[import-not-found]
            from superoffice_services.services88 import AppointmentAgent  # type: ignore[import-not-found]

            AppointmentAgent(SoapSession("https://sod.superoffice.com/Cust12345", ticket="t"))
        else:
            import superoffice_services.services88 as version  # type: ignore[import-not-found]

            for name in version.__all__:
                getattr(version, name)
    else:
        import zeep

        files = sorted(wsdls.glob("*.wsdl"))
        if case == "zeep-service":
            files = [wsdls / "Appointment.wsdl"]
        for file in files:
            zeep.Client(str(file))
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    print(json.dumps({"seconds": elapsed, "added_mb": (max(peak, rss_kb()) - start_rss) / 1024}))


def write_wsdls(docs: Path, folder: Path) -> int:
    count = 0
    for page in sorted((docs / "soap" / VERSION).glob(f"{VERSION}-*.md")):
        service = page.stem[len(VERSION) + 1 :]
        try:
            (folder / f"{service}.wsdl").write_text(wsdl_text(docs, VERSION, service), encoding="utf-8")
            count += 1
        except SystemExit:
            pass
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--generated", type=Path, required=True)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child")
    parser.add_argument("--wsdls", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.generated, args.wsdls)
        return
    with tempfile.TemporaryDirectory() as folder:
        wsdls = Path(folder)
        count = write_wsdls(args.docs, wsdls)
        samples: dict[str, list[dict[str, float]]] = {case: [] for case in CASES}
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="0")
        for case in CASES:  # warm-up: byte-compiles the generated package, fills the OS cache
            subprocess.run([sys.executable, __file__, "--child", case, "--generated", str(args.generated), "--wsdls", str(wsdls)], check=True, capture_output=True, env=env)
        for _ in range(args.repeats):
            for case in CASES:  # side by side: each repeat runs every case in turn
                out = subprocess.run(
                    [sys.executable, __file__, "--child", case, "--generated", str(args.generated), "--wsdls", str(wsdls)],
                    check=True, capture_output=True, text=True, env=env,
                )
                samples[case].append(json.loads(out.stdout.strip().splitlines()[-1]))
    result = {
        "wsdls": count,
        "samples": samples,
        "median": {
            case: {key: median([s[key] for s in values]) for key in ("seconds", "added_mb")}
            for case, values in samples.items()
        },
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
