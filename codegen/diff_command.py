"""``codegen diff``: the API difference between two docs folders, or between two versions of
one folder, as Markdown, JSON or HTML (:mod:`codegen.diff_report`).

    codegen diff OLD NEW [--from VERSION] [--to VERSION]
    codegen diff [--docs PATH] --from Services87 --to Services88

Folders resolve like ``generate``'s ``--docs``: relative to the current directory when given,
else ``docs`` of ``[tool.codegen]``, else ``docs_input``. With two folders and neither
``--from`` nor ``--to``, every version found in both is compared; with one of them, that
version on both sides; with both, OLD's ``--from`` against NEW's ``--to``.

The WebAPI mirrors the newest version of a folder: between two folders it is compared (in the
comparison of the versions it pairs with, or in one of its own), where both have one and both
newest versions were read; within one folder it is not. The report's notes say when it is not.

Exit codes:
  0    the diff was written, and ``--fail-on`` found nothing to fail on
  1    the diff was written, and it holds what ``--fail-on`` names (breaking or any changes)
  2    bad usage, a folder missing or without SOAP pages, a version not in the docs, or the
       output file could not be written
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .build import build_api, version_number
from .config import ConfigError, Overrides, resolve_settings
from .diff import Comparison, diff_versions, diff_webapi
from .diff_report import DiffReport, to_html, to_json, to_markdown
from .model import Api, Diagnostic, Version, WebApi
from .reading import read_pages
from .sources.pages import SOAP_KINDS

EXIT_OK: Final = 0
EXIT_CHANGES: Final = 1
EXIT_BAD_INPUT: Final = 2

FORMATS: Final[dict[str, Callable[[DiffReport], str]]] = {
    "markdown": to_markdown,
    "json": to_json,
    "html": to_html,
}
FAIL_ON: Final = ("breaking", "any", "never")

EXIT_CODES_HELP: Final = """\
exit codes:
  0    the diff was written; nothing that --fail-on names
  1    the diff was written and holds breaking changes (--fail-on breaking) or any
       change (--fail-on any)
  2    bad usage, a folder missing or without SOAP pages, a version not in the docs,
       or the output file could not be written
"""


class DiffInputError(Exception):
    """The folders or versions asked for cannot be compared; the message says why."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``diff`` to the subcommands of the ``codegen`` parser."""
    parser = commands.add_parser(
        "diff",
        help="the API difference between two docs folders or two versions",
        description=(
            "The API difference between two docs folders (OLD NEW), or between two versions\n"
            "of one folder (--docs PATH --from Services87 --to Services88), each change\n"
            "classed as breaking or compatible. Computed on the model, not on generated code."
        ),
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "folders",
        nargs="*",
        metavar="FOLDER",
        help="two docs folders, OLD then NEW (or none: one folder with --from and --to)",
    )
    parser.add_argument(
        "--docs", metavar="PATH", help="the one docs folder whose versions are compared"
    )
    parser.add_argument(
        "--from",
        dest="from_version",
        metavar="VERSION",
        help="the old version, e.g. Services87",
    )
    parser.add_argument(
        "--to", dest="to_version", metavar="VERSION", help="the new version, e.g. Services88"
    )
    parser.add_argument(
        "--format", choices=tuple(FORMATS), default="markdown", help="default: markdown"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="never",
        help="exit 1 when the diff holds breaking changes, or any change (default: never)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, build: object = None) -> int:
    """The ``diff`` subcommand. ``build`` (the generate step the front end passes to every
    command) is not used: a diff needs the model, not the generated files."""
    cwd = Path.cwd()
    try:
        report = compare(
            list(args.folders), args.docs, args.from_version, args.to_version, cwd, _warn
        )
    except (DiffInputError, ConfigError) as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    except OSError as error:
        reason = f"{error.filename}: {error.strerror}" if error.filename else str(error)
        _error(f"cannot read the docs: {reason}")
        return EXIT_BAD_INPUT
    text = FORMATS[args.format](report)
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            _error(f"cannot write {args.output}: {error.strerror or error}")
            return EXIT_BAD_INPUT
    failing = {"breaking": report.breaking, "any": len(report.changes), "never": 0}
    return EXIT_CHANGES if failing[args.fail_on] else EXIT_OK


def compare(
    folders: Sequence[str],
    docs: str | None,
    from_version: str | None,
    to_version: str | None,
    cwd: Path,
    warn: Callable[[str], None],
) -> DiffReport:
    """Read, build and compare what the arguments name (see the module docstring)."""
    if len(folders) not in (0, 2):
        raise DiffInputError(
            f"give two docs folders (OLD NEW), or none and --from/--to; got {len(folders)}"
        )
    if folders and docs is not None:
        raise DiffInputError("--docs names the one folder of a version diff; with OLD NEW, drop it")
    if not folders:
        if from_version is None or to_version is None:
            raise DiffInputError(
                "comparing versions of one folder needs both --from and --to "
                "(e.g. --from Services87 --to Services88), or give two folders OLD NEW"
            )
        model = _read(_docs_folder(docs, cwd), {from_version, to_version}, warn)
        old, new = _version(model, from_version), _version(model, to_version)
        shared = (
            f"The WebAPI is not compared: it mirrors only the newest version "
            f"({_newest(model)}), which the versions of one folder share."
        )
        return DiffReport(
            model.shown,
            model.shown,
            (diff_versions(old, new),),
            notes=(shared,) if model.has_webapi else (),
        )
    if from_version is None:
        from_version = to_version
    if to_version is None:
        to_version = from_version
    old_folder, new_folder = _docs_folder(folders[0], cwd), _docs_folder(folders[1], cwd)
    old_model = _read(old_folder, {from_version} if from_version else set(), warn)
    new_model = _read(new_folder, {to_version} if to_version else set(), warn)
    shown = old_model.shown, new_model.shown
    webapi, notes = _webapi_pair(old_model, new_model)
    if from_version is not None and to_version is not None:
        pairs = [(_version(old_model, from_version), _version(new_model, to_version))]
        return DiffReport(*shown, _comparisons(pairs, webapi), notes=notes)
    old_versions = {v.name: v for v in old_model.api.versions}
    new_versions = {v.name: v for v in new_model.api.versions}
    common = [name for name in old_versions if name in new_versions]
    if not common:
        raise DiffInputError(
            f"no version in both folders: {shown[0]} has {_names(old_versions)}, "
            f"{shown[1]} has {_names(new_versions)} (name the two with --from and --to)"
        )
    return DiffReport(
        *shown,
        _comparisons([(old_versions[n], new_versions[n]) for n in common], webapi),
        old_only=tuple(n for n in old_versions if n not in new_versions),
        new_only=tuple(n for n in new_versions if n not in old_versions),
        notes=notes,
    )


_WebApiPair = tuple[tuple[WebApi, Version], tuple[WebApi, Version]]


def _webapi_pair(old: _Model, new: _Model) -> tuple[_WebApiPair | None, tuple[str, ...]]:
    """The two WebAPIs with the versions they pair with, or None and the note saying why they
    are not compared (none where neither folder has a WebAPI)."""
    if not old.has_webapi and not new.has_webapi:
        return None, ()
    if not (old.has_webapi and new.has_webapi):
        lacking = new if old.has_webapi else old
        return None, (f"The WebAPI is not compared: {lacking.shown} has no WebAPI pages or specs.",)
    old_api, new_api = old.api.webapi, new.api.webapi
    built = {v.name: v for v in old.api.versions}, {v.name: v for v in new.api.versions}
    if (
        old_api is None
        or new_api is None
        or old_api.version not in built[0]
        or new_api.version not in built[1]
    ):
        # the WebAPI is built only with the newest version, whose types it shares
        return None, (
            "The WebAPI is not compared: it mirrors the newest version of each folder "
            f"({_newest(old)}, {_newest(new)}), and that version was not compared.",
        )
    return ((old_api, built[0][old_api.version]), (new_api, built[1][new_api.version])), ()


def _comparisons(
    pairs: Sequence[tuple[Version, Version]], webapi: _WebApiPair | None
) -> tuple[Comparison, ...]:
    """Each pair of versions compared, the WebAPI with the pair it belongs to, or on its own
    after them where no pair is (each folder's newest version differs, e.g. 87 against 88)."""
    if webapi is None:
        return tuple(diff_versions(old, new) for old, new in pairs)
    (old_api, old_paired), (new_api, new_paired) = webapi
    home = (old_paired.name, new_paired.name)
    comparisons = [
        diff_versions(old, new, (old_api, new_api) if (old.name, new.name) == home else None)
        for old, new in pairs
    ]
    if home not in [(old.name, new.name) for old, new in pairs]:
        comparisons.append(diff_webapi(old_api, new_api, old_paired, new_paired))
    return tuple(comparisons)


@dataclass(frozen=True)
class _Folder:
    root: Path
    shown: str  # as the user typed it, or as found in pyproject.toml or by default


@dataclass(frozen=True)
class _Model:
    api: Api
    found: tuple[str, ...]  # every version with SOAP pages in the folder, built or not
    shown: str
    has_webapi: bool  # WebAPI pages or specs in the folder, built or not


def _docs_folder(given: str | None, cwd: Path) -> _Folder:
    """A docs folder, resolved like ``generate``'s ``--docs`` and checked."""
    settings = resolve_settings(Overrides(docs=given), cwd)
    root = settings.settings.docs
    # the user's own spelling where there is one: ../docs stays ../docs in every message
    shown = os.path.normpath(given if given is not None else os.path.relpath(root, cwd))
    if not root.exists():
        where = f" (from {settings.pyproject})" if given is None and settings.pyproject else ""
        raise DiffInputError(f"docs folder not found: {shown}{where}")
    if not root.is_dir():
        raise DiffInputError(f"the docs folder {shown} is a file, not a folder")
    return _Folder(root, shown)


def _read(folder: _Folder, versions: set[str], warn: Callable[[str], None]) -> _Model:
    """The model of ``versions`` (all when empty) of the docs in ``folder``."""
    pages, rest_pages, _ = read_pages(folder.root)
    found = sorted(
        {p.version for p in pages if p.kind in SOAP_KINDS and p.version}, key=_version_number
    )
    if not any(p.kind in ("soap-operation", "soap-wsdl") for p in pages):
        raise DiffInputError(f"no SOAP operation or WSDL pages found in {folder.shown}")
    api, diagnostics = build_api(pages, rest_pages, versions)
    _report_errors(diagnostics, folder.shown, warn)
    return _Model(api, tuple(found), folder.shown, bool(rest_pages))


def _version(model: _Model, name: str) -> Version:
    for version in model.api.versions:
        if version.name == name:
            return version
    raise DiffInputError(f"no pages of {name} in {model.shown} (it has {_names(model.found)})")


def _report_errors(
    diagnostics: Iterable[Diagnostic], shown: str, warn: Callable[[str], None]
) -> None:
    errors = sum(1 for d in diagnostics if d.severity == "error")
    if errors:
        warn(
            f"{errors} error{'' if errors == 1 else 's'} in the docs of {shown}: what they break is "
            "missing from the model and may show as removed (codegen generate lists them)"
        )


def _newest(model: _Model) -> str:
    return model.found[-1] if model.found else "none"


def _version_number(name: str) -> tuple[int, str]:
    return version_number(name), name


def _names(versions: Iterable[str]) -> str:
    listed = sorted(versions, key=_version_number)
    return ", ".join(listed) if listed else "no version"


def _error(message: str) -> None:
    print(f"codegen: error: {message}", file=sys.stderr, flush=True)


def _warn(message: str) -> None:
    print(f"codegen: warning: {message}", file=sys.stderr, flush=True)


__all__ = [
    "DiffInputError",
    "EXIT_BAD_INPUT",
    "EXIT_CHANGES",
    "EXIT_OK",
    "add_parser",
    "compare",
    "run",
]
