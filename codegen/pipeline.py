"""One generation run, from a docs folder to the files of the output package, in memory.

The command line (``codegen.cli``) reads settings, calls :func:`build_output`, writes the
files with ``codegen.output`` and reports. Nothing here touches the output folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .build import build_api
from .model import Diagnostic
from .render import Renderer, format_files
from .sources.pages import discover, read_page
from .sources.rest import RestPage, read_rest_page

# progress(stage, done, total): called as work advances, so that a front end can draw a bar.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Settings:
    docs: Path
    out: Path
    versions: tuple[str, ...] = ()  # empty: every version found in the docs
    package: str = "superoffice_services"


@dataclass
class Outcome:
    files: dict[str, bytes]  # relative POSIX path inside the output folder -> content
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages_read: int = 0
    versions: int = 0
    services: int = 0
    operations: int = 0
    types: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")


class FatalError(Exception):
    """The run cannot produce anything (no docs folder, no pages, bad settings)."""


def build_output(settings: Settings, progress: Progress | None = None) -> Outcome:
    report = progress or (lambda stage, done, total: None)
    root = settings.docs
    if not root.is_dir():
        raise FatalError(f"the docs folder {root} does not exist")
    paths = discover(root)
    pages = []
    rest_pages: list[RestPage] = []
    content_hashes = []
    for index, path in enumerate(paths, 1):
        page = read_page(path, root)
        if page.kind == "rest-endpoint":
            rest_pages.append(read_rest_page(path, root))
        pages.append(page)
        if page.kind in ("soap-operation", "soap-wsdl", "soap-service", "rest-endpoint"):
            content_hashes.append(hashlib.sha256(path.read_bytes()).hexdigest())
        report("read pages", index, len(paths))
    if not any(p.kind in ("soap-operation", "soap-wsdl", "rest-endpoint") for p in pages):
        raise FatalError(f"no SOAP operation, WSDL or WebAPI pages found in {root}")
    api, diagnostics = build_api(pages, rest_pages, settings.versions)
    if settings.versions:
        missing = sorted(set(settings.versions) - {v.name for v in api.versions})
        if missing:
            raise FatalError(f"no pages of {', '.join(missing)} in {root}")
    if not api.versions and api.webapi is None:
        raise FatalError(f"no SOAP version or WebAPI could be built from {root}")
    # what the docs say, whatever the files are called or where they are
    fingerprint = hashlib.sha256("\n".join(sorted(content_hashes)).encode()).hexdigest()
    texts = Renderer(settings.package, __version__, fingerprint).render(api)
    files = format_files(texts, lambda done, total: report("format", done, total))
    return Outcome(
        files=files,
        diagnostics=sorted(set(diagnostics)),
        pages_read=len(pages),
        versions=len(api.versions),
        services=sum(len(v.services) for v in api.versions),
        operations=sum(len(s.operations) for v in api.versions for s in v.services),
        types=sum(len(v.types) for v in api.versions),
    )
