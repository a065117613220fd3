"""Hostile XML in pages (a DTD, internal and external entities, parameter entities, an
entity expansion bomb, XInclude) is refused with a diagnostic naming file and line, without
reading a file, touching the network or exhausting memory.

The hostile blocks are put into real pages at test time: the WSDL fence of a WSDL page and
the request example of an operation page. A file the XML points at is a FIFO watched by a
thread: opening it for reading would block the parser until the watcher opens it for
writing, so any attempt to read it is seen, deterministically. A URL points at a listening
socket on 127.0.0.1 that must have no connection waiting afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, require_corpus
from codegen.reading import read_docs

WSDL_PAGE = "soap/Services88/Services88-Tooltips.md"
OPERATION_PAGE = "soap/Services88/Tooltips/GetTooltip.md"
SECRET = "canary-4f1d9c-must-not-appear"
XINCLUDE = "http://www.w3.org/2001/XInclude"


class Watched:
    """A FIFO that records whether anyone opened it for reading, and a socket that records
    whether anyone connected."""

    def __init__(self, folder: Path) -> None:
        self.fifo = folder / "secret.txt"
        os.mkfifo(self.fifo)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/x"
        self.opened = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.005):
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody has it open for reading
                continue
            self.opened = True
            os.write(fd, SECRET.encode())
            os.close(fd)

    def connected(self) -> bool:
        self.server.setblocking(False)
        try:
            connection, _ = self.server.accept()
        except BlockingIOError:
            return False
        connection.close()
        return True

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.server.close()


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[Watched]:
    watch = Watched(tmp_path)
    yield watch
    watch.close()


def hostile_cases(watch: Watched) -> dict[str, tuple[str, str]]:
    """name -> (what goes before the root element, what goes inside it)."""
    file_url = watch.fifo.as_uri()
    return {
        "internal-entity": ('<!DOCTYPE x [<!ENTITY e "inner">]>', "&e;"),
        "external-file-entity": (f'<!DOCTYPE x [<!ENTITY e SYSTEM "{file_url}">]>', "&e;"),
        "external-path-entity": (f'<!DOCTYPE x [<!ENTITY e SYSTEM "{watch.fifo}">]>', "&e;"),
        "external-url-entity": (f'<!DOCTYPE x [<!ENTITY e SYSTEM "{watch.url}">]>', "&e;"),
        "external-dtd-file": (f'<!DOCTYPE x SYSTEM "{file_url}">', ""),
        "external-dtd-url": (f'<!DOCTYPE x PUBLIC "-//x//x" "{watch.url}">', ""),
        "parameter-entity": (f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{file_url}"> %p;]>', ""),
        "parameter-entity-url": (f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{watch.url}"> %p;]>', ""),
        "xinclude-file": ("", f'<xi:include xmlns:xi="{XINCLUDE}" href="{file_url}" parse="text"/>'),
        "xinclude-url": ("", f'<xi:include xmlns:xi="{XINCLUDE}" href="{watch.url}"/>'),
    }


def billion_laughs(levels: int) -> str:
    entities = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels + 1)
    ]
    return f"<!DOCTYPE x [{''.join(entities)}]>"


def inject(page: str, prologue: str, inside: str) -> tuple[str, int, int]:
    """The page with the hostile parts in its first XML fence; the fence's first and last
    file lines."""
    declaration_end = page.index("?>", page.index("<?xml")) + 2
    page = page[:declaration_end] + "\n" + prologue + page[declaration_end:]
    # inside the first element's content: after the first '>' that ends a start tag
    root_start = page.index("<", declaration_end + 1 + len(prologue))
    close = page.index("</", root_start)
    page = page[:close] + inside + page[close:]
    fence = page.index("```xml")
    opening = page[:fence].count("\n") + 1
    closing = page[: page.index("```", fence + 3)].count("\n") + 1
    return page, opening, closing


def docs_with(tmp_path: Path, name: str, text: str) -> Path:
    """A docs folder with the WSDL page and the operation page, ``name`` replaced by ``text``."""
    corpus = require_corpus()
    docs = tmp_path / "docs"
    for page in (WSDL_PAGE, OPERATION_PAGE):
        target = docs / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text if page == name else (corpus / page).read_text(encoding="utf-8"), encoding="utf-8")
    return docs


@pytest.mark.parametrize("page", [WSDL_PAGE, OPERATION_PAGE], ids=["wsdl", "example"])
def test_hostile_xml_is_refused_without_reading_a_file_or_the_network(tmp_path: Path, watched: Watched, page: str) -> None:
    original = (require_corpus() / page).read_text(encoding="utf-8")
    for case, (prologue, inside) in hostile_cases(watched).items():
        text, opening, closing = inject(original, prologue, inside)
        docs = docs_with(tmp_path / case, page, text)
        result = read_docs(docs)

        refusals = [d for d in result.diagnostics if d.path == page and d.severity == "error"]
        assert refusals, f"{case}: not refused in {page}"
        assert all(opening <= d.line <= closing for d in refusals), (case, opening, closing, refusals)
        assert any("refused" in d.message for d in refusals), (case, refusals)
        assert not watched.opened, f"{case}: the parser opened the file"
        assert not watched.connected(), f"{case}: the parser connected to {watched.url}"
        assert SECRET not in repr(result.api) + repr(result.diagnostics)


def test_xinclude_is_refused_by_name(tmp_path: Path, watched: Watched) -> None:
    """An XInclude element is not left to a later step as an ordinary element."""
    _, inside = hostile_cases(watched)["xinclude-file"]
    for index, page in enumerate((WSDL_PAGE, OPERATION_PAGE)):
        text, _, _ = inject((require_corpus() / page).read_text(encoding="utf-8"), "", inside)
        result = read_docs(docs_with(tmp_path / str(index), page, text))
        assert any("XInclude" in d.message and d.path == page for d in result.diagnostics), result.diagnostics


BOMB_SCRIPT = """
import resource, sys
from pathlib import Path
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from codegen.reading import read_docs
result = read_docs(Path(sys.argv[1]))
for d in result.diagnostics:
    print(f"{d.path}:{d.line}: {d.severity} {d.code}: {d.message}")
# VmHWM is this program's own peak; ru_maxrss keeps the peak of the process it was forked from
# (Linux carries it over exec), a big pytest worker's
try:
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("maxrss-kb", peak)
"""


def test_an_entity_expansion_bomb_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    """A billion laughs (10 levels: 3 GB expanded) in a WSDL page and in an example, read in
    a process whose address space is capped at 1.5 GB: expanding it would fail."""
    corpus = require_corpus()
    docs = tmp_path / "docs"
    fences = {}
    for page in (WSDL_PAGE, OPERATION_PAGE):
        text, opening, closing = inject((corpus / page).read_text(encoding="utf-8"), billion_laughs(10), "&l10;")
        fences[page] = (opening, closing)
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text(text, encoding="utf-8")
    limit = 1536 * 1024 * 1024
    result = subprocess.run(
        [sys.executable, "-c", BOMB_SCRIPT, str(docs), str(limit)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for page, (opening, closing) in fences.items():
        # refused by us, or by libxml2's own amplification limit: an error inside the fence
        errors = [line.split(":") for line in result.stdout.splitlines() if line.startswith(f"{page}:") and ": error " in line]
        assert any(opening <= int(fields[1]) <= closing for fields in errors), result.stdout
    peak_kb = int(result.stdout.split("maxrss-kb")[-1])
    assert peak_kb < 1024 * 1024, f"reading the bomb took {peak_kb} kB"
