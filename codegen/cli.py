"""The command line: ``codegen generate`` (``inspect``, ``check``, ``diff`` and ``lint`` will
slot in as further subcommands).

``codegen generate`` reads the settings (:mod:`codegen.config`), builds the output package in
memory (:func:`codegen.pipeline.build_output`), writes it all or nothing
(:class:`codegen.output.TreeWriter`: each part as soon as it is built, the swap at the end)
and reports. Streams: diagnostics, progress and error
messages go to stderr; the summary and the one-line result go to stdout. A diagnostic is
printed as ``path:line: severity CODE: message`` with the path joined to the docs folder as
shown from the current directory, so that editors and terminals can open it.

Exit codes:
  0    generated and written; no input had errors
  1    generated and written, but some input had errors: the good parts were written and
       the broken pages are reported with file and line
  2    nothing written: bad usage or settings, the docs folder missing or without pages,
       a fatal build error, or the output folder could not be written
  130  interrupted (Ctrl-C); the output folder keeps its previous content
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from . import diff_command, pipeline
from . import inspect, lint  # each registers its own subcommand
from .config import ConfigError, Overrides, ResolvedSettings, parse_limit, resolve_settings
from .limits import SETTING_NAMES
from .model import Diagnostic
from .output import OutputError, TreeWriter, WriteReport, compare_tree
from .pipeline import FatalError, Finished, Outcome, Progress, Settings

EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_NOTHING_WRITTEN = 2
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = """\
exit codes:
  0    generated and written; no input had errors
  1    generated and written, but some input had errors (reported with file and line)
  2    nothing written: bad usage or settings, no docs or no pages, a fatal build error,
       or the output folder could not be written
  130  interrupted; the output folder keeps its previous content
with --check nothing is written: 0 = the output is up to date, 1 = it is not (the files
that would be added, changed or removed are listed), 2 = as above
"""

# The build step, swappable so that the front end can be tested without the pipeline; the third
# argument takes each finished part of the output, to write it while the rest is built.
BuildFunction = Callable[[Settings, Progress | None, Finished | None], Outcome]
# A subcommand: the parsed arguments and the build step in, an exit code out.
Command = Callable[[argparse.Namespace, BuildFunction], int]


def main(argv: Sequence[str] | None = None, *, build: BuildFunction | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error argparse has reported
        return stop.code if isinstance(stop.code, int) else EXIT_NOTHING_WRITTEN
    command: Command | None = getattr(args, "run", None)
    if command is None:
        parser.print_help(sys.stderr)
        return EXIT_NOTHING_WRITTEN
    try:
        return command(args, build if build is not None else pipeline.build_output)
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug, not bad input: say so plainly
        _error(
            f"internal error: {type(error).__name__}: {error}. This is a bug in codegen; "
            "nothing was written."
            + ("" if getattr(args, "verbose", False) else " Run with --verbose to see where.")
        )
        if getattr(args, "verbose", False):
            traceback.print_exc(file=sys.stderr)
        return EXIT_NOTHING_WRITTEN


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codegen",
        description="Generate a typed Python client package from SuperOffice's API reference docs.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    generate = commands.add_parser(
        "generate",
        help="generate the client package from the docs",
        description=(
            "Generate the client package from the docs. Settings come from [tool.codegen]\n"
            "in the nearest pyproject.toml (keys: docs, out, versions, package, cache, wsdl, follow_links_to);\n"
            "the"
            "options given here override them."
        ),
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_settings_options(generate)
    _add_output_options(generate)
    _add_generate_options(generate)
    generate.set_defaults(run=_generate)
    diff_command.add_parser(commands)
    lint.add_parser(commands)
    inspect.add_parser(commands)
    return parser


def _add_settings_options(parser: argparse.ArgumentParser) -> None:
    """Where to read and write: shared by every command that builds the model."""
    group = parser.add_argument_group("settings")
    group.add_argument("--docs", metavar="PATH", help="the docs folder (default: docs_input)")
    group.add_argument("--out", metavar="PATH", help="the output folder (default: generated)")
    group.add_argument(
        "--versions",
        nargs="+",
        metavar="VERSION",
        help="the versions to generate, e.g. Services86 Services88 (default: all found)",
    )
    group.add_argument(
        "--package", metavar="NAME", help="the generated package (default: superoffice_services)"
    )
    group.add_argument(
        "--wsdl",
        action="append",
        metavar="PATH",
        help=(
            "a WSDL file, a folder of them or a zip of them (SuperOffice's wsdl.zip) to read"
            " besides the docs folder; may be given more than once"
        ),
    )
    group.add_argument(
        "--follow-links-to",
        action="append",
        metavar="FOLDER",
        help=(
            "a folder outside the docs folder that symbolic links in it may lead to (links"
            " elsewhere are not followed, P020); may be given more than once"
        ),
    )
    group.add_argument(
        "--limit",
        action="append",
        metavar="NAME=N",
        help=(
            f"a limit on one docs file, over which it is reported and left out ({', '.join(SETTING_NAMES)});"
            " may be given more than once (default: [tool.codegen.limits], else codegen/limits.py)"
        ),
    )
    group.add_argument(
        "--max-name-length",
        type=int,
        metavar="N",
        help="refuse names of the docs longer than this (default: 128; N001-N004)",
    )


def _add_generate_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("check and cache")
    group.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the files a run would add, change or remove, and exit 1 if any",
    )
    group.add_argument(
        "--diff", action="store_true", help="with --check: also print a unified diff of changed files"
    )
    group.add_argument(
        "--cache-dir",
        metavar="PATH",
        help="where to keep the cache that makes reruns fast (default: .codegen-cache)",
    )
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("output")
    loudness = group.add_mutually_exclusive_group()
    loudness.add_argument(
        "-q", "--quiet", action="store_true", help="print only errors and the one-line result"
    )
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="also print info diagnostics"
    )
    group.add_argument(
        "--no-progress", action="store_true", help="no progress bar or progress lines"
    )


def _generate(args: argparse.Namespace, build: BuildFunction) -> int:
    started = time.perf_counter()
    cwd = Path.cwd()
    overrides = Overrides(
        docs=args.docs,
        out=args.out,
        versions=None if args.versions is None else tuple(args.versions),
        package=args.package,
        cache=args.cache_dir,
        no_cache=args.no_cache,
        wsdl=None if args.wsdl is None else tuple(args.wsdl),
        follow_links_to=None if args.follow_links_to is None else tuple(args.follow_links_to),
        max_name_length=getattr(args, "max_name_length", None),
    )
    try:
        overrides = replace(overrides, limits=tuple(parse_limit(option) for option in args.limit or ()))
        resolved = resolve_settings(overrides, cwd)
        _check_folders(resolved, cwd)
    except ConfigError as error:
        _error(str(error))
        return EXIT_NOTHING_WRITTEN
    settings = resolved.settings
    if args.verbose:
        source = resolved.pyproject or "no pyproject.toml with [tool.codegen]; defaults"
        print(f"settings from {source}", file=sys.stderr)

    show_progress = not (args.quiet or args.no_progress)
    writing = False  # whether the swap may have begun, for the message on an interrupt
    try:
        with ExitStack() as stack:
            # the output is written while it is built, part by part (codegen.output.TreeWriter)
            writer = None if args.check else stack.enter_context(TreeWriter(settings.out))
            if writer is not None and writer.taken_over:
                print(f"codegen: {writer.taken_over}", file=sys.stderr, flush=True)
            with _progress(show_progress) as progress:
                outcome = build(settings, progress, writer.add if writer is not None else None)
            _print_diagnostics(
                outcome.diagnostics, settings.docs, cwd, quiet=args.quiet, verbose=args.verbose
            )
            if not outcome.files:
                _error("the build produced no files (nothing was written)")
                return EXIT_NOTHING_WRITTEN
            if writer is None:
                return _check(outcome, settings, cwd, show_diff=args.diff, quiet=args.quiet)
            with _progress(show_progress) as progress:
                writing = True
                report = writer.commit(outcome.files, progress=progress)
    except FatalError as error:
        _error(f"{error} (nothing was written)")
        return EXIT_NOTHING_WRITTEN
    except OutputError as error:
        _error(f"{error} (nothing was written)")
        return EXIT_NOTHING_WRITTEN
    except OSError as error:
        _error(f"cannot read the docs: {_os_reason(error)} (nothing was written)")
        return EXIT_NOTHING_WRITTEN
    except KeyboardInterrupt:
        if writing:
            _error(
                f"interrupted while writing; {_shown(settings.out, cwd)} holds either its previous "
                "content or the complete new output, never a mix"
            )
        else:
            _error("interrupted; the output folder was left as it was")
        return EXIT_INTERRUPTED

    elapsed = time.perf_counter() - started
    if not args.quiet:
        _print_summary(outcome, report, settings, cwd, elapsed, sys.stdout, args.verbose)
    print(_result_line(outcome, report, settings, cwd), file=sys.stdout)
    return EXIT_INPUT_ERRORS if outcome.errors else EXIT_OK


def _check(outcome: Outcome, settings: Settings, cwd: Path, *, show_diff: bool, quiet: bool) -> int:
    """``generate --check``: say what a run would change; exit 1 if anything."""
    try:
        changes = compare_tree(settings.out, outcome.files)
    except OutputError as error:
        _error(str(error))
        return EXIT_NOTHING_WRITTEN
    out = _shown(settings.out, cwd)
    if not changes.changed:
        print(f"{out} is up to date with the docs ({len(outcome.files)} files).")
        return EXIT_OK
    for label, paths in (("would add", changes.added), ("would change", changes.modified), ("would remove", changes.removed)):
        for path in paths:
            print(f"{label} {out}/{path}")
    if show_diff:
        for path in changes.modified:
            old = (settings.out / path).read_text(encoding="utf-8", errors="replace").splitlines()
            new = outcome.files[path].decode("utf-8", "replace").splitlines()
            sys.stdout.writelines(
                line + "\n" for line in difflib.unified_diff(old, new, f"{out}/{path}", f"{out}/{path} (regenerated)", lineterm="", n=2)
            )
    counts = f"{len(changes.added)} to add, {len(changes.modified)} to change, {len(changes.removed)} to remove"
    print(f"{out} is out of date with the docs: {counts}. Run codegen generate.")
    return EXIT_INPUT_ERRORS


def _check_folders(resolved: ResolvedSettings, cwd: Path) -> None:
    settings = resolved.settings
    docs_shown = _shown(settings.docs, cwd)
    if not settings.docs.exists():
        where = f" of {resolved.pyproject}" if resolved.pyproject else ""
        raise ConfigError(
            f"docs folder not found: {docs_shown} "
            f"(give --docs PATH, or set docs in [tool.codegen]{where})"
        )
    if not settings.docs.is_dir():
        raise ConfigError(f"the docs folder {docs_shown} is a file, not a folder")
    docs, out = settings.docs.resolve(), settings.out.resolve()
    if out == docs or docs.is_relative_to(out):
        raise ConfigError(
            f"the output folder {_shown(settings.out, cwd)} would replace the docs folder "
            f"{_shown(settings.docs, cwd)}; choose an output folder outside it"
        )
    if out.is_relative_to(docs):
        raise ConfigError(
            f"the output folder {_shown(settings.out, cwd)} is inside the docs folder "
            f"{_shown(settings.docs, cwd)}; the next run would read it as docs"
        )


@contextmanager
def _progress(wanted: bool) -> Iterator[Progress | None]:
    """A bar on a terminal; plain lines in a log (CI); nothing when not wanted."""
    if not wanted:
        yield None
    elif sys.stderr.isatty():
        with _BarProgress() as bar:
            yield bar
    else:
        yield _LineProgress(sys.stderr)


class _BarProgress:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn
        from rich.progress import Progress as RichProgress
        from rich.progress import TimeElapsedColumn

        self._bar = RichProgress(
            TextColumn("{task.description:<14}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> _BarProgress:
        self._bar.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._bar.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        size = total if total > 0 else None  # unknown size: a pulsing bar
        task = self._tasks.get(stage)
        if task is None:
            task = self._tasks[stage] = self._bar.add_task(stage, total=size)
        self._bar.update(task, completed=done, total=size)


class _LineProgress:
    """One line per finished stage: enough for a log, never a flood."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._finished: set[str] = set()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total > 0 and done >= total and stage not in self._finished:
            self._finished.add(stage)
            print(f"{stage}: {done}/{total}", file=self._stream, flush=True)


def _print_diagnostics(
    diagnostics: Sequence[Diagnostic], docs: Path, cwd: Path, *, quiet: bool, verbose: bool
) -> None:
    shown = (
        {"error"} if quiet else {"error", "warning", "info"} if verbose else {"error", "warning"}
    )
    docs_shown = _shown(docs, cwd)
    for diagnostic in sorted(diagnostics):
        if diagnostic.severity in shown:
            print(format_diagnostic(diagnostic, docs_shown), file=sys.stderr)
    hidden_infos = sum(1 for d in diagnostics if d.severity == "info")
    if hidden_infos and not quiet and not verbose:
        print(
            f"{_count(hidden_infos, 'info diagnostic')} not shown (--verbose shows them)",
            file=sys.stderr,
        )
    sys.stderr.flush()


def format_diagnostic(diagnostic: Diagnostic, docs_shown: str) -> str:
    """``path:line: severity CODE: message``, the path joined to the docs folder."""
    path = diagnostic.path
    if path and not os.path.isabs(path):
        path = Path(docs_shown, path).as_posix()
    return (
        f"{path}:{diagnostic.line}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message}"
    )


def _print_summary(
    outcome: Outcome,
    report: WriteReport,
    settings: Settings,
    cwd: Path,
    elapsed: float,
    stream: TextIO,
    verbose: bool = False,
) -> None:
    by_severity = {
        s: sum(1 for d in outcome.diagnostics if d.severity == s)
        for s in ("error", "warning", "info")
    }
    rows = [
        ("docs read", _count(outcome.pages_read, "file") + f" (in {_shown(settings.docs, cwd)})"),
        ("skipped", _count(len(outcome.skipped), "file") + ("" if verbose or not outcome.skipped else " (--verbose names them)")),
        ("versions", str(outcome.versions)),
        ("services", str(outcome.services)),
        ("operations", str(outcome.operations)),
        ("types", str(outcome.types)),
        ("endpoints", str(outcome.endpoints)),
        ("files", _files_phrase(report) + f" (in {_shown(settings.out, cwd)})"),
        ("diagnostics", ", ".join(_count(n, s) for s, n in by_severity.items())),
        ("time", f"{elapsed:.1f} s"),
    ]
    print("Summary", file=stream)
    for label, value in rows:
        print(f"  {label:<12} {value}", file=stream)
    if verbose:
        for path, why in outcome.skipped:
            print(f"  skipped      {path}: {why}", file=stream)


def _result_line(outcome: Outcome, report: WriteReport, settings: Settings, cwd: Path) -> str:
    where = f"{settings.package} in {_shown(settings.out, cwd)}"
    if outcome.errors:
        return (
            f"Generated {where} with {_count(outcome.errors, 'error')} in the input "
            f"(reported above): {_files_phrase(report)}."
        )
    return f"Generated {where}: {_files_phrase(report)}."


def _files_phrase(report: WriteReport) -> str:
    kept = f", {len(report.kept)} not written by codegen kept" if report.kept else ""
    return (
        f"{len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed{kept}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _shown(path: Path, cwd: Path) -> str:
    """A path as the user would type it: relative when under the current directory."""
    try:
        relative = path.relative_to(cwd)
    except ValueError:
        return str(path)
    return relative.as_posix() if relative.parts else "."


def _error(message: str) -> None:
    print(f"codegen: error: {message}", file=sys.stderr, flush=True)


def _os_reason(error: OSError) -> str:
    return f"{error.filename}: {error.strerror}" if error.filename else str(error)


def _version() -> str:
    try:
        return importlib.metadata.version("superoffice-codegen")
    except importlib.metadata.PackageNotFoundError:
        return "(version unknown: superoffice-codegen is not installed)"


__all__ = [
    "BuildFunction",
    "EXIT_INPUT_ERRORS",
    "EXIT_INTERRUPTED",
    "EXIT_NOTHING_WRITTEN",
    "EXIT_OK",
    "build_parser",
    "format_diagnostic",
    "main",
]
