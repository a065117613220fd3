"""xsdata as a peer, run with a Python that has bench/requirements.txt (xsdata[cli,lxml]) installed
(not the project's venv): generation of its dataclasses from ONE service's WSDL page (Services88
Appointment; a whole version takes minutes), then the fresh-process import of that package, and
its parsing / serialising of the same messages as bench/messages.py (XmlParser of our SOAP 1.1
body into its generated classes, XmlSerializer of the parsed request).

    bench/.venv/bin/python bench/xsdata_peer.py --messages MESSAGES_DIR

MESSAGES_DIR holds request.xml and reply.xml (written by messages.py --dump). Prints one JSON object.
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
from common import DEFAULT_DOCS, median, side_by_side, wsdl_text  # noqa: E402

VERSION, SERVICE = "Services88", "Appointment"
SOAP11 = "{http://schemas.xmlsoap.org/soap/envelope/}"


def generate(docs: Path, folder: Path) -> dict[str, float]:
    wsdl = folder / f"{SERVICE}.wsdl"
    wsdl.write_text(wsdl_text(docs, VERSION, SERVICE), encoding="utf-8")
    xsdata = Path(sys.executable).parent / "xsdata"
    start = time.perf_counter()
    process = subprocess.Popen([str(xsdata), "generate", str(wsdl), "--package", "xsd_appointment"], cwd=folder,
                               env=dict(os.environ, PATH=f"{xsdata.parent}{os.pathsep}{os.environ.get('PATH', '')}"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"xsdata failed:\n{output.decode(errors='replace')[-2000:]}")
    return {"seconds": time.perf_counter() - start, "peak_mb": usage.ru_maxrss / 1024}


IMPORT_CHILD = """
import importlib, json, resource, sys, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1])
sys.path.insert(0, sys.argv[1])
r0 = rss(); t = time.perf_counter()
package = importlib.import_module('xsd_appointment')
for name in getattr(package, '__all__', []):
    getattr(package, name)
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({'seconds': elapsed, 'added_mb': (max(peak, rss()) - r0) / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--messages", type=Path, help="folder with request.xml and reply.xml")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=0.3)
    args = parser.parse_args()
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="xsdata-bench-") as name:
        folder = Path(name)
        result["generate_one_service"] = generate(args.docs, folder)
        subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(folder)], check=True, capture_output=True)  # warm-up
        imports = []
        for _ in range(args.repeats):
            out = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(folder)], check=True, capture_output=True, text=True)
            imports.append(json.loads(out.stdout.strip().splitlines()[-1]))
        result["import_one_service"] = imports
        result["median"] = {"import_seconds": median([i["seconds"] for i in imports]),
                            "import_added_mb": median([i["added_mb"] for i in imports])}
        if args.messages:
            result["messages"] = messages(folder, args.messages, args.repeats, args.budget)
    print(json.dumps(result))


def messages(folder: Path, dump: Path, repeats: int, budget: float) -> dict[str, object]:
    sys.path.insert(0, str(folder))
    import importlib

    from lxml import etree
    from xsdata.formats.dataclass.parsers import XmlParser
    from xsdata.formats.dataclass.serializers import XmlSerializer

    package = importlib.import_module("xsd_appointment")
    request_bytes = (dump / "request.xml").read_bytes()
    reply_bytes = (dump / "reply.xml").read_bytes()

    def body_class(content: bytes) -> type:
        node = etree.fromstring(content).find(f"{SOAP11}Body")[0]
        local = etree.QName(node).localname
        return getattr(package, local)

    save_class, get_class = body_class(request_bytes), body_class(reply_bytes)
    parser = XmlParser()
    serializer = XmlSerializer()

    def parse_reply() -> object:
        body = etree.fromstring(reply_bytes).find(f"{SOAP11}Body")[0]
        return parser.parse(body, get_class)

    request_value = parser.parse(etree.fromstring(request_bytes).find(f"{SOAP11}Body")[0], save_class)

    def build_request() -> bytes:
        return serializer.render(request_value).encode("utf-8")

    samples = side_by_side({"xsdata XmlSerializer (request body)": build_request,
                            "xsdata XmlParser (reply body)": parse_reply}, repeats, budget)
    return {"samples": samples, "median": {k: median(v) for k, v in samples.items()},
            "request_bytes": len(build_request())}


if __name__ == "__main__":
    main()
