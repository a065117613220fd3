"""Which WSDL a service uses where the docs hold several (a WSDL page, a WSDL file, zip members).

The newest is used. ``choose_wsdls`` ranks them: first an undated WSDL file (nothing says it is
older, and a file is the original where a page holds a copy), then the dated ones, newest
first (on one date a file before a page), last the undated pages. One fixed ranking rather
than "the newer of each pair": with three candidates, pairwise rules can go in a circle. Two
of one rank whose texts differ: the first by path, and B001. A text equal to the one used is
no conflict. Each WSDL not used is a B011 info naming the one used and why.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Diagnostic
from .sources.pages import Page
from .versions import version_number


def is_wsdl_file(page: Page) -> bool:
    """A WSDL read from a file or zip member, not from a page: its text is the whole file, so
    it starts at line 1, where a markdown fence's content starts at line 2 at the earliest."""
    return page.wsdl is not None and page.wsdl.line == 1


def _rank(page: Page) -> tuple[int, str, int]:
    """Sorts the WSDLs of one service best first (see the module's docstring)."""
    if not page.published:
        return (0, "", 0) if is_wsdl_file(page) else (2, "", 0)
    return (1, _descending(page.published), 0 if is_wsdl_file(page) else 1)


def _descending(text: str) -> str:
    """A key that sorts ISO dates newest first (the end mark puts "2026-07-10" before "2026-07")."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text) + chr(0x10FFFF)


def choose_wsdls(pages: Iterable[Page]) -> tuple[dict[str, Page], tuple[Diagnostic, ...]]:
    """The WSDL used for each service, of one version's WSDL pages and files (other pages are
    ignored), with a B011 for each one not used (B001 where the rank does not decide)."""
    by_service: dict[str, list[Page]] = {}
    for page in pages:
        if page.kind == "soap-wsdl":
            by_service.setdefault(page.service, []).append(page)
    if len({p.version for group in by_service.values() for p in group}) > 1:
        raise ValueError("choose_wsdls takes the WSDLs of one version")
    chosen: dict[str, Page] = {}
    diagnostics: list[Diagnostic] = []
    for service, candidates in sorted(by_service.items()):
        # one without its WSDL block (the page reader's P017) only where none has one
        usable = sorted((p for p in candidates if p.wsdl is not None), key=lambda p: (_rank(p), p.path))
        winner = usable[0] if usable else min(candidates, key=lambda p: p.path)
        chosen[service] = winner
        for other in usable[1:]:
            assert winner.wsdl is not None and other.wsdl is not None
            if other.wsdl.text == winner.wsdl.text:
                continue
            if _rank(other) == _rank(winner):
                message = (f"a second WSDL for {winner.version} {service} that nothing tells from {winner.path} "
                           f"({_dated(winner)}, as this one): that one, the first by path, is used")
                diagnostics.append(Diagnostic(other.path, 1, "B001", "error", message))
            else:
                message = (f"{winner.version} {service}: {winner.path} ({_dated(winner)}) is used, "
                           f"not this WSDL ({_dated(other)}): {_why_not(winner, other)}")
                diagnostics.append(Diagnostic(other.path, 1, "B011", "info", message))
    return chosen, tuple(diagnostics)


def _dated(page: Page) -> str:
    kind = "a WSDL file" if is_wsdl_file(page) else "a WSDL page"
    return f"{kind} of {page.published}" if page.published else f"{kind} without a date"


def _why_not(winner: Page, other: Page) -> str:
    if winner.published and other.published and winner.published != other.published:
        return "it is newer"
    if not winner.published and is_wsdl_file(winner):
        return "a WSDL file without a date is taken as the newest"
    if winner.published and not other.published:
        return "a dated WSDL wins over an undated page"
    return "on the same date a WSDL file wins over a page's copy"


def wsdl_choices(pages: Iterable[Page]) -> tuple[str, ...]:
    """Which WSDL each service with more than one differing WSDL uses, as short lines in version and service
    order ("Services88 ErpSync: downloads/wsdl.zip!WSDL/WSDL-Services88-ErpSync.xml"): what
    choose_wsdls decided, for a fingerprint of the docs."""
    lines = []
    by_version: dict[str, dict[str, list[Page]]] = {}
    for page in pages:
        if page.kind == "soap-wsdl" and page.version:
            by_version.setdefault(page.version, {}).setdefault(page.service, []).append(page)
    for version in sorted(by_version, key=version_number):
        wsdl = by_version[version]
        chosen, _ = choose_wsdls(p for group in wsdl.values() for p in group)
        # identical copies (a page embedding the file as it is) leave nothing to choose
        lines += [
            f"{version} {service}: {page.path}"
            for service, page in sorted(chosen.items())
            if len({p.wsdl.text if p.wsdl else "" for p in wsdl[service]}) > 1
        ]
    return tuple(lines)


__all__ = ["choose_wsdls", "is_wsdl_file", "wsdl_choices"]
