"""A docs folder -> its pages and its model, without rendering anything.

What ``codegen lint`` and ``codegen inspect`` work on: every page as read (lint needs the
examples and tables the model leaves behind), the REST endpoint pages, the model of the
versions asked for, and the diagnostics of reading and building.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .build import build_api, version_number
from .build import newest_version as newest_of
from .config import DEFAULT_DOCS, ConfigError, Overrides, resolve_settings
from .limits import DEFAULT_LIMITS, Limits
from .model import Api, Diagnostic
from .pipeline import Settings
from .sources.documents import read_file, reads
from .sources.pages import SOAP_KINDS, Page
from .sources.walk import discover_files
from .sources.rest import RestPage


class DocsError(Exception):
    """The docs folder cannot give a model (missing, no SOAP pages, a version not in it)."""


@dataclass(frozen=True)
class Docs:
    """A docs folder as read and built."""

    root: Path
    pages: tuple[Page, ...]  # every page found, by path
    rest_pages: tuple[RestPage, ...]  # the REST endpoint pages, read as such
    api: Api  # the versions asked for (all when none were)
    diagnostics: tuple[Diagnostic, ...]  # of reading every page and building the model
    versions_asked: tuple[str, ...] = ()

    @property
    def newest_version(self) -> str:
        """The newest SOAP version in the folder, whose operations the WebAPI mirrors
        (whether or not it was asked for)."""
        return newest_version(self.pages)


def read_docs(
    root: Path,
    versions: Sequence[str] = (),
    wsdl: Sequence[Path] = (),
    limits: Limits = DEFAULT_LIMITS,
    follow_links_to: Sequence[Path] = (),
) -> Docs:
    """Read every page below ``root`` and build the model of ``versions`` (all if empty)."""
    pages, rest_pages, problems = read_pages(root, wsdl, limits, follow_links_to)
    docs = docs_from_pages(root, pages, rest_pages, versions, limits)
    return replace(docs, diagnostics=tuple(problems) + docs.diagnostics)


def read_pages(
    root: Path, wsdl: Sequence[Path] = (), limits: Limits = DEFAULT_LIMITS, follow_links_to: Sequence[Path] = ()
) -> tuple[list[Page], list[RestPage], list[Diagnostic]]:
    """Every page below ``root`` (the WSDLs of WSDL files and zips among them, and of those
    in ``wsdl``), and the WebAPI endpoints, of markdown pages and OpenAPI specs; and the
    diagnostics of the files themselves (a file over a limit, a bad zip), which are on no page."""
    if not root.is_dir():
        raise DocsError(f"the docs folder {root} does not exist or is not a folder")
    paths = [Path(full) for relative, full, _ in discover_files(root, follow_links_to) if reads(relative)]
    for given in wsdl:
        if given.is_dir():
            paths += [Path(full) for relative, full, _ in discover_files(given, follow_links_to) if reads(relative)]
        else:
            paths.append(given)
    pages: list[Page] = []
    rest_pages: list[RestPage] = []
    problems: list[Diagnostic] = []
    for path in paths:
        reading = read_file(path, root, limits)
        pages += reading.pages
        rest_pages += reading.rest_pages
        problems += reading.diagnostics
    return pages, rest_pages, problems


def docs_from_pages(
    root: Path, pages: Sequence[Page], rest_pages: Sequence[RestPage], versions: Sequence[str] = (), limits: Limits = DEFAULT_LIMITS
) -> Docs:
    """The model of pages already read (tests hand over the pages of a session fixture)."""
    if not any(page.kind in ("soap-operation", "soap-wsdl") for page in pages):
        raise DocsError(f"no SOAP operation or WSDL pages found in {root}")
    found = {page.version for page in pages if page.version and page.kind in SOAP_KINDS}
    missing = [name for name in versions if name not in found]
    if missing:
        known = ", ".join(sorted(found, key=version_number)) or "none"
        raise DocsError(f"no pages of {', '.join(missing)} in {root} (it has {known})")
    api, diagnostics = build_api(pages, rest_pages, versions, limits)
    return Docs(
        root=root,
        pages=tuple(sorted(pages, key=lambda p: p.path)),
        rest_pages=tuple(rest_pages),
        api=api,
        diagnostics=tuple(diagnostics),
        versions_asked=tuple(versions),
    )


def newest_version(pages: Sequence[Page]) -> str:
    return newest_of({page.version for page in pages if page.version and page.kind in SOAP_KINDS})


# -- for the commands that read the docs and write nothing ------------------------------------


def add_docs_command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    summary: str,
    description: str,
    epilog: str,
) -> argparse.ArgumentParser:
    """A subcommand that reads the docs but writes nothing, with ``--docs`` and ``--versions``."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--docs", metavar="PATH", help=f"the docs folder (default: {DEFAULT_DOCS})")
    parser.add_argument(
        "--versions", nargs="+", metavar="VERSION", help="the versions to read (default: all found)"
    )
    return parser


def docs_settings(args: argparse.Namespace) -> Settings:
    """The docs folder and versions: ``[tool.codegen]`` of the nearest pyproject.toml, then the
    options. Raises ConfigError, naming the folder as the user would type it, when the docs
    folder is missing."""
    cwd = Path.cwd()
    versions = None if args.versions is None else tuple(args.versions)
    resolved = resolve_settings(Overrides(docs=args.docs, versions=versions), cwd)
    docs = resolved.settings.docs
    if not docs.is_dir():
        where = f" of {resolved.pyproject}" if resolved.pyproject else ""
        state = "is a file, not a folder" if docs.exists() else "not found"
        raise ConfigError(
            f"docs folder {state}: {shown_folder(docs, cwd)} "
            f"(give --docs PATH, or set docs in [tool.codegen]{where})"
        )
    return resolved.settings


def shown_folder(path: Path, cwd: Path) -> str:
    """A folder as the user would type it: relative when under the current directory."""
    return path.relative_to(cwd).as_posix() if path.is_relative_to(cwd) else str(path)


__all__ = [
    "Docs",
    "DocsError",
    "add_docs_command",
    "docs_from_pages",
    "docs_settings",
    "newest_version",
    "read_docs",
    "read_pages",
    "shown_folder",
    "version_number",
]
